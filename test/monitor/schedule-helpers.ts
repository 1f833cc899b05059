import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ingest } from '../../src/app/decisions/index.ts';
import { openLedger, type Ledger } from '../../src/app/index.ts';
import { buildBaseline, loadWatch, MonitorSchedule, type ScheduleOptions, type Watch } from '../../src/app/monitor/index.ts';
import type { MonitorStore } from '../../src/store/index.ts';
import { deploy } from '../decisions/harness.ts';
import { createRandom } from '../../src/stats/random.ts';
import { tempDir, writeFile, writeTable } from './helpers.ts';

/** One call to the store's monitor tables, as a test sees it through spyOnMonitors. */
export interface StoreCall {
  /** A method of the monitor tables, or `readLeaves` (a pass over the log, through the store or ledger.events). */
  readonly method: keyof MonitorStore | 'readLeaves';
  readonly args: readonly unknown[];
  readonly result: unknown;
}

/**
 * The same ledger, with every call to its store's monitor tables and every pass over its leaves recorded (a Proxy
 * over the real objects, so the real store answers): lets a test prove which decisions a tick read and which it only
 * counted, and that it never read the log.
 */
export function spyOnMonitors(ledger: Ledger): { ledger: Ledger; calls: StoreCall[] } {
  const calls: StoreCall[] = [];
  const monitors = new Proxy(ledger.store.monitors, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        calls.push({ method: prop as keyof MonitorStore, args, result });
        return result;
      };
    },
  });
  const bound = <T extends object>(target: T, swap: (prop: string | symbol) => unknown): T =>
    new Proxy(target, {
      get(object, prop) {
        const swapped = swap(prop);
        if (swapped !== undefined) return swapped;
        const value: unknown = Reflect.get(object, prop, object);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
      },
    });
  const readLeaves = (from: number, to: number) => {
    calls.push({ method: 'readLeaves', args: [from, to], result: undefined });
    return ledger.store.readLeaves(from, to);
  };
  const store = bound(ledger.store, (prop) => (prop === 'monitors' ? monitors : prop === 'readLeaves' ? readLeaves : undefined));
  const events = (from?: number, to?: number) => {
    calls.push({ method: 'readLeaves', args: [from, to], result: undefined });
    return ledger.events(from, to);
  };
  return { ledger: bound(ledger, (prop) => (prop === 'store' ? store : prop === 'events' ? events : undefined)), calls };
}

export interface MonitorFixture {
  readonly dir: string;
  readonly ledger: Ledger;
  readonly ingest: Ingest;
  readonly watch: Watch;
  schedule(options?: Partial<ScheduleOptions> & { ledger?: Ledger }): MonitorSchedule;
  close(): Promise<void>;
}

/**
 * A monitor of model `credit` over a store at `storeUrl`: credit@1.0.0 recorded and deployed, decisions ingested
 * through the real Ingest path, a reference profile of 2,000 rows (income ~ N(50, 10), region of four) built by
 * buildBaseline from a CSV, and the monitor document `body` (everything after `model:`).
 */
export async function monitorFixture(storeUrl: string, body: string): Promise<MonitorFixture> {
  const dir = tempDir();
  const ledger = await openLedger({ store: storeUrl });
  await deploy(ledger, 'credit', '1.0.0', '2026-01-01T00:00:00.000Z');
  const ingest = new Ingest(ledger);
  const monitorFile = writeFile(dir, 'monitor.yaml', `kind: Monitor\nmetadata: { name: credit-watch }\nmodel: credit\ncolumns: { income: number, region: category }\n${body}`);
  const baseline = await buildBaseline({ monitorFile, dataFile: writeTable(dir, 'reference.csv', { rows: 2_000, seed: 1 }), model: 'credit', version: '1.0.0' });
  const referenceFile = join(dir, 'reference.json');
  writeFileSync(referenceFile, baseline.text);
  const watch = await loadWatch(monitorFile, referenceFile);
  return {
    dir,
    ledger,
    ingest,
    watch,
    schedule: (options = {}) => new MonitorSchedule(options.ledger ?? ledger, [watch], { owner: 'test-replica', env: {}, ...options }),
    async close() {
      await ingest.close();
      await ledger.close();
    },
  };
}

/**
 * `count` decisions d-<from>… at `timestamp` whose income follows the reference (N(50, 10), so nothing drifts) unless
 * `shift` moves it; prediction alternates 1, 0 starting with d-0 (even ids predict 1).
 */
export function decisions(from: number, count: number, timestamp: string, shift = 0, seed = from + 7): Record<string, unknown>[] {
  const random = createRandom(seed);
  const regions = ['north', 'south', 'east', 'west'];
  return Array.from({ length: count }, (_, k) => ({
    decision_id: `d-${from + k}`,
    model: 'credit',
    version: '1.0.0',
    timestamp,
    features: { income: Number((50 + shift + 10 * random.nextGaussian()).toFixed(3)), region: regions[random.nextUint32() % 4] },
    prediction: (from + k) % 2 === 0 ? 1 : 0,
  }));
}

/** Labels for the given decision numbers: the prediction (correct) unless the number is in `wrong`. */
export function labels(ids: readonly number[], wrong: ReadonlySet<number> = new Set()): Record<string, unknown>[] {
  return ids.map((k) => ({ decision_id: `d-${k}`, label: (k % 2 === 0 ? 1 : 0) ^ (wrong.has(k) ? 1 : 0), timestamp: '2026-06-02T00:00:00Z' }));
}

export const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
