/**
 * Measures verifyLog on 1M leaves of ~300 bytes against the plain one-shot SHA-256 rate of the same leaves.
 * Run: node test/ledger/measure-verify-log.ts [leaves]. Not a test: it prints figures for the ledger docs.
 * Besides wall time it prints CPU time (all threads, and this thread alone), because on a shared machine wall time
 * says more about the neighbours than about the code: the rate two idle cores would give is
 * leaves / max(process CPU / 2, calling-thread CPU).
 */
import { hash, randomBytes } from 'node:crypto';
import { verifyLog } from '../../src/ledger/verify-log.ts';

const count = Number(process.argv[2] ?? 1_000_000);
const pool = randomBytes(count + 320);
const leaves = Array.from({ length: count }, (_, i) => pool.subarray(i, i + 280 + (i % 40)));

const rate = (ms: number): string => `${((count / ms) * 1000 / 1e6).toFixed(2)} M leaves/s (${(ms / 1000).toFixed(2)} s)`;

let start = performance.now();
for (const leaf of leaves) hash('sha256', leaf, 'buffer');
console.log(`plain SHA-256 of each leaf, one thread: ${rate(performance.now() - start)}`);

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

for (const workers of [0, 2]) {
  start = performance.now();
  const processBefore = process.cpuUsage();
  const threadBefore = process.threadCpuUsage();
  const check = await verifyLog(leaves, undefined, [], { workers });
  if (!check.ok) throw new Error(`unexpected failure: ${JSON.stringify(check)}`);
  const wall = performance.now() - start;
  const processCpu = cpuMs(process.cpuUsage(processBefore));
  const threadCpu = cpuMs(process.threadCpuUsage(threadBefore));
  const idealMs = Math.max(processCpu / 2, threadCpu);
  console.log(`verifyLog, ${workers === 0 ? 'calling thread only' : `${workers} workers`}: wall ${rate(wall)}`);
  console.log(`  CPU: process ${(processCpu / 1000).toFixed(2)} s, calling thread ${(threadCpu / 1000).toFixed(2)} s → on 2 idle cores ≈ ${rate(idealMs)}`);
}
