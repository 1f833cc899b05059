/**
 * One measured step of the explainability benchmark, run as its own process by bench/explain.ts:
 * `node bench/explain/pass.ts --step plain|proxy|attributions|all --data <evaluation> [--attributions <file>]`.
 *
 * Calls the library functions `steward check` calls: evaluateFile (src/app/evaluate-file.ts) for the evaluation pass,
 * with the explainability extras of src/app/explain/evaluation-pass.ts feeding the proxy profile and reading the
 * attributions file (aligned by position) in lockstep in that same pass. Prints one JSON line: the time of each part,
 * and the time spent in the explain hooks (their onRows calls, up to the attribution read's first await, and
 * detectProxies).
 */
import { parseArgs } from 'node:util';
import { evaluateFile } from '../../src/app/evaluate-file.ts';
import { explainPass } from '../../src/app/explain/evaluation-pass.ts';
import { loadPolicy } from '../../src/policy/index.ts';
import type { RowBatch } from '../../src/readers/index.ts';
import { computeAttributionMetrics, detectProxies } from '../../src/stats/explain/index.ts';
import { ATTRIBUTION_FEATURES } from './attribution-data.ts';

/** The model's features as the proxy profile reads them: f4 (a small count) as a category, the others as numbers. */
export const BENCH_FEATURES = [
  { name: 'f1', kind: 'number' },
  { name: 'f2', kind: 'number' },
  { name: 'f3', kind: 'number' },
  { name: 'f4', kind: 'category' },
  { name: 'f5', kind: 'number' },
] as const;

const { values } = parseArgs({ options: { step: { type: 'string' }, data: { type: 'string' }, attributions: { type: 'string' }, policy: { type: 'string', default: 'bench/policy.yaml' } } });
const step = values.step ?? '';
if (!['plain', 'proxy', 'attributions', 'all'].includes(step) || values.data === undefined) {
  throw new Error('usage: node bench/explain/pass.ts --step plain|proxy|attributions|all --data <file> [--attributions <file>]');
}
const data = values.data;
const policy = await loadPolicy(values.policy);
const seconds = (since: number): number => (performance.now() - since) / 1000;
const timings: Record<string, number> = {};
let statsSeconds = 0;

const started = performance.now();
const withProxy = step === 'proxy' || step === 'all';
const withAttributions = step === 'attributions' || step === 'all';
if (withAttributions && values.attributions === undefined) throw new Error('--attributions is required for this step');
// As in `steward check`: the proxy profile and the attributions file (read in lockstep) ride the evaluation pass.
const pass =
  withProxy || withAttributions
    ? explainPass({
        features: withProxy ? BENCH_FEATURES : [],
        sensitive: policy.data.sensitive,
        sample: 0,
        seed: policy.settings.seed,
        ...(withAttributions ? { attributions: { file: { source: { path: values.attributions ?? '' }, features: [...ATTRIBUTION_FEATURES] }, evaluationPath: data } } : {}),
      })
    : undefined;
const extras =
  pass === undefined
    ? undefined
    : {
        ...pass.extras,
        onRows: (batch: RowBatch): void | Promise<void> => {
          const t = performance.now();
          const pending = pass.extras.onRows(batch);
          statsSeconds += seconds(t);
          return pending;
        },
      };
const evaluated = await evaluateFile(data, policy.data, policy.settings, extras === undefined ? {} : { extras });
const result: Record<string, unknown> = { step, rows: evaluated.rows };
if (withProxy && pass !== undefined) {
  const t = performance.now();
  const report = detectProxies(pass.profile, { cramersV: 0.2, correlationRatio: 0.2 });
  statsSeconds += seconds(t);
  result['flagged'] = report.flagged.map((a) => `${a.feature}~${a.sensitive}`);
}
const read = pass?.attributions();
if (read !== undefined) {
  const metrics = computeAttributionMetrics(read.profile, { protectedFeatures: [], proxyFeatures: ['f1'] });
  result['coverage'] = metrics.overall.coverage;
  result['attributionRows'] = read.rows;
}
timings['evaluation'] = seconds(started);
result['seconds'] = seconds(started);
result['statsSeconds'] = statsSeconds;
result['timings'] = timings;
console.log(JSON.stringify(result));
