/**
 * Measures verifyLog on 1M leaves of ~300 bytes against the plain one-shot SHA-256 rate of the same leaves.
 * Run: node test/ledger/measure-verify-log.ts [leaves]. Not a test: it prints figures for the ledger docs.
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

for (const workers of [0, 2]) {
  start = performance.now();
  const check = await verifyLog(leaves, undefined, [], { workers });
  if (!check.ok) throw new Error(`unexpected failure: ${JSON.stringify(check)}`);
  console.log(`verifyLog, ${workers === 0 ? 'calling thread only' : `${workers} workers`}: ${rate(performance.now() - start)}`);
}
