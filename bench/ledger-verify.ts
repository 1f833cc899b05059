/**
 * The verify phase of bench/ledger.ts on its own, for profiling and A/B runs: builds (once) a SQLite store of the
 * benchmark's events in a folder that is kept, then runs `Ledger.verify()` several times, each beside plain SHA-256
 * of the same leaves, printing wall rate, CPU time of all threads and the load average. Writes no report: on a
 * shared machine compare CPU seconds, or alternate two versions of the code on the same store.
 *
 *   node bench/ledger-verify.ts --dir <folder> [--events 1000000] [--runs 3] [--store postgres://…]
 *   node --cpu-prof --cpu-prof-dir <out> bench/ledger-verify.ts --dir <folder> --runs 1   (one profile per thread)
 */
import { hash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { initLedger, openLedger } from '../src/app/index.ts';
import { canonicalJson } from '../src/core/index.ts';
import { benchEvent } from './ledger/events.ts';
import { timedAppend } from './ledger/phases.ts';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, events: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, store: { type: 'string' } },
});
if (values.dir === undefined) throw new Error('--dir <folder> is required: the store is built there once and kept');
const cwd = values.dir;
const events = Number(values.events);
const store = values.store ?? join(cwd, 'steward.db');
const load = (): string => (loadavg()[0] ?? 0).toFixed(2);
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

mkdirSync(cwd, { recursive: true });
const marker = join(cwd, `built-${events}`);
if (!existsSync(marker)) {
  await initLedger({ store, cwd, origin: 'bench.steward.local/ledger' });
  const ledger = await openLedger({ store, cwd });
  const run = await timedAppend(ledger, 0, events, Infinity);
  await ledger.checkpoint();
  await ledger.close();
  mkdirSync(marker);
  console.log(`built ${run.appended} events at ${Math.round(run.rate)}/s`);
}

const encoder = new TextEncoder();
const leaves = Array.from({ length: events }, (_, j) => encoder.encode(canonicalJson(benchEvent(j))));
const ledger = await openLedger({ store, cwd });
try {
  for (let run = 0; run < Number(values.runs); run++) {
    const loadBefore = load();
    let cpu = process.cpuUsage();
    let start = performance.now();
    for (const leaf of leaves) hash('sha256', leaf, 'buffer');
    const sha = { rate: events / ((performance.now() - start) / 1000), cpu: cpuSeconds(cpu) };
    cpu = process.cpuUsage();
    start = performance.now();
    const report = await ledger.verify();
    const seconds = (performance.now() - start) / 1000;
    const verifyCpu = cpuSeconds(cpu);
    if (!report.ok) throw new Error(`the benchmark log does not verify: ${JSON.stringify(report)}`);
    console.log(
      `verify ${Math.round(report.size / seconds)} events/s, ${verifyCpu.toFixed(2)} s CPU (all threads) | ` +
        `plain SHA-256, one thread: ${Math.round(sha.rate)} leaves/s, ${sha.cpu.toFixed(2)} s CPU | ` +
        `CPU ratio verify / plain ${(verifyCpu / sha.cpu).toFixed(2)} | load ${loadBefore} → ${load()}`,
    );
  }
} finally {
  await ledger.close();
}
