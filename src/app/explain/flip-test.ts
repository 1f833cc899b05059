import { fail, type Interval } from '../../core/index.ts';
import { criticalValue } from '../../stats/normal.ts';
import { createRandom, deriveSeed } from '../../stats/random.ts';
import { wilsonInterval } from '../../stats/wilson.ts';
import type { ModelClient } from './endpoint.ts';
import type { Instance } from './endpoint-protocol.ts';
import { sampleIndices, uniformBelow } from './sample.ts';

export interface FlipTestOptions {
  readonly client: ModelClient;
  /** The rows, as the client sends them (values in client.features order). */
  readonly instances: readonly Instance[];
  /** The feature holding the sensitive attribute. */
  readonly sensitive: string;
  /** Values to swap to; default the distinct values of the sample, in first-seen order. */
  readonly values?: readonly (number | string)[];
  /** Declared proxies: in each counterfactual they take the values of a donor row of the target group (see below). */
  readonly proxies?: readonly string[];
  /** Decision = prediction ≥ threshold (a score); absent: the prediction itself is the decision (a class). */
  readonly threshold?: number;
  /** Rows tested (a seeded sample without replacement); default every row. */
  readonly sampleSize?: number;
  readonly seed?: number;
  /** Confidence level of the Wilson intervals; default 0.95. */
  readonly confidence?: number;
}

export interface FlipRate {
  readonly rows: number;
  readonly flipped: number;
  /** flipped / rows; 0 when rows = 0 (DESIGN.md: a rate whose denominator is 0 is 0). Ideal 0. */
  readonly rate: number;
  readonly interval?: Interval;
}

export interface FlipGroup extends FlipRate {
  /** The group: the row's own value of the sensitive feature. */
  readonly value: string;
  /** Per target value: the share of this group's rows whose decision changes when swapped to it. */
  readonly byTarget: readonly (FlipRate & { readonly value: string })[];
}

export interface FlipTestResult {
  readonly sensitive: string;
  readonly proxies: readonly string[];
  readonly values: readonly string[];
  readonly overall: FlipRate;
  readonly groups: readonly FlipGroup[];
  /** Instances sent: the originals plus one per row and other value. */
  readonly requests: number;
}

/**
 * Counterfactual flip test. For each sampled row r of group a = r[sensitive] and each other value b, a counterfactual
 * copy r' has r'[sensitive] = b and, for every declared proxy p, r'[p] = d[p] where d is a donor row drawn uniformly
 * (seeded) from the sampled rows of group b — so the proxies take a value that is typical of group b instead of
 * keeping a value that gives a's membership away. A row "flips" when any of its counterfactuals gets a different
 * decision than the row itself:
 *   flip_rate(a) = #{rows of a that flip} / #{rows of a},  Wilson interval on n = #{rows of a}.
 * Ideal 0 (the decision never depends on the group). A target value with no donor row (only possible when `values`
 * names a value absent from the sample) is tested without swapping proxies.
 */
export async function runFlipTest(options: FlipTestOptions): Promise<FlipTestResult> {
  const features = options.client.features;
  const column = features.indexOf(options.sensitive);
  if (column < 0) fail('EXPLAIN_INVALID_OPTION', `sensitive feature "${options.sensitive}" is not one of the endpoint's features`, { expected: features.join(', ') });
  const proxies = options.proxies ?? [];
  const proxyColumns = proxies.map((name) => {
    const at = features.indexOf(name);
    if (at < 0 || at === column) fail('EXPLAIN_INVALID_OPTION', `proxy "${name}" is not one of the endpoint's other features`, { expected: features.join(', ') });
    return at;
  });
  const seed = options.seed ?? 0;
  const rows = sampleIndices(options.instances.length, options.sampleSize ?? Math.max(1, options.instances.length), deriveSeed(seed, 'flip-sample'))
    .map((i) => options.instances[i] as Instance);
  const valueOf = (row: Instance): number | string => row[column] as number | string;
  const values = options.values ?? [...new Set(rows.map(valueOf))];
  const donors = new Map(values.map((value) => [value, rows.filter((row) => valueOf(row) === value)]));
  const random = createRandom(deriveSeed(seed, 'flip-donors'));
  const sent: Instance[] = [...rows];
  const plan: { row: number; target: number }[] = [];
  rows.forEach((row, r) => {
    values.forEach((target, t) => {
      if (target === valueOf(row)) return;
      const copy = [...row];
      copy[column] = target;
      const pool = donors.get(target) ?? [];
      if (pool.length > 0 && proxyColumns.length > 0) {
        const donor = pool[uniformBelow(random, pool.length)] as Instance;
        for (const p of proxyColumns) copy[p] = donor[p] as number | string;
      }
      sent.push(copy);
      plan.push({ row: r, target: t });
    });
  });
  const predictions = await options.client.predict(sent);
  const decide = (x: number): number => (options.threshold === undefined ? x : x >= options.threshold ? 1 : 0);
  const flippedRow = new Uint8Array(rows.length);
  const pairFlips = new Map<string, number>();
  plan.forEach(({ row, target }, k) => {
    if (decide(predictions[rows.length + k] as number) === decide(predictions[row] as number)) return;
    flippedRow[row] = 1;
    const key = `${String(valueOf(rows[row] as Instance))}\u0000${String(values[target])}`;
    pairFlips.set(key, (pairFlips.get(key) ?? 0) + 1);
  });
  const confidence = options.confidence ?? 0.95;
  const z = criticalValue(confidence);
  const rate = (n: number, flipped: number): FlipRate => {
    const p = n === 0 ? 0 : flipped / n;
    const interval = wilsonInterval(p, n, z, confidence);
    return { rows: n, flipped, rate: p, ...(interval === undefined ? {} : { interval }) };
  };
  const groupValues = [...new Set([...values, ...rows.map(valueOf)])];
  const groups = groupValues.map((value): FlipGroup => {
    const members = rows.flatMap((row, r) => (valueOf(row) === value ? [r] : []));
    const byTarget = values
      .filter((target) => target !== value)
      .map((target) => ({ value: String(target), ...rate(members.length, pairFlips.get(`${String(value)}\u0000${String(target)}`) ?? 0) }));
    return { value: String(value), ...rate(members.length, members.filter((r) => flippedRow[r] === 1).length), byTarget };
  });
  return {
    sensitive: options.sensitive,
    proxies,
    values: values.map(String),
    overall: rate(rows.length, flippedRow.reduce((a, b) => a + b, 0)),
    groups,
    requests: sent.length,
  };
}
