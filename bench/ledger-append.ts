/**
 * The append phase of bench/ledger.ts on its own, for profiling and A/B runs: appends the benchmark's events to a
 * fresh SQLite store (or a PostgreSQL store given with --store) through Ledger.append, several times, printing the
 * wall rate, the CPU time of this process per event and the load average, beside the raw limit (the same leaf
 * bytes inserted into a bare table, bench/ledger/raw.ts) when --raw is given. Writes no report: on a shared machine
 * compare CPU µs per event, or alternate two versions of the code.
 *
 *   node bench/ledger-append.ts [--events 200000] [--runs 3] [--raw] [--store postgres://…]
 *   node --cpu-prof --cpu-prof-dir <out> bench/ledger-append.ts --runs 1
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { initLedger, openLedger } from '../src/app/index.ts';
import { canonicalJson } from '../src/core/index.ts';
import { benchEvent } from './ledger/events.ts';
import { timedAppend } from './ledger/phases.ts';
import { rawSqliteRate } from './ledger/raw.ts';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '200000' }, runs: { type: 'string', default: '3' }, raw: { type: 'boolean', default: false }, store: { type: 'string' } },
});
const events = Number(values.events);
const load = (): string => (loadavg()[0] ?? 0).toFixed(2);
const encoder = new TextEncoder();

const work = mkdtempSync(join(tmpdir(), 'steward-ledger-append-'));
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const cwd = join(work, `run-${run}`);
    const store = values.store ?? join(cwd, 'steward.db'); // PostgreSQL keeps growing one log: appends are appends
    await initLedger({ store, cwd, origin: 'bench.steward.local/ledger' });
    const ledger = await openLedger({ store, cwd });
    const loadBefore = load();
    const from = await ledger.size();
    const append = await timedAppend(ledger, from, from + events, Infinity).finally(() => ledger.close());
    let line = `append ${Math.round(append.rate)} events/s, ${((1e6 * append.cpuSeconds) / append.appended).toFixed(2)} µs CPU per event (all threads)`;
    if (values.raw) {
      const leavesOf = (a: number, b: number): Uint8Array[] => Array.from({ length: b - a }, (_, j) => encoder.encode(canonicalJson(benchEvent(a + j))));
      line += ` | raw inserts ${Math.round(rawSqliteRate(join(work, 'raw.db'), events, 10_000, leavesOf))} rows/s`;
    }
    console.log(`${line} | load ${loadBefore} → ${load()}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
