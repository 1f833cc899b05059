import type { LedgerEvent } from '../../src/core/index.ts';

/**
 * Deterministic ledger events for the benchmark: a mix of dataset, run, version and deployment records of 200–350
 * bytes of canonical JSON, like a busy registry. Event k is a pure function of k (a small xorshift generator seeded by
 * k gives the digests), so every phase and every rerun sees the same bytes without holding 10M events in memory.
 */
const HEX = '0123456789abcdef';
const recordedAt = '2026-11-20T10:00:00Z';

function digestOf(k: number, salt: number): `sha256:${string}` {
  let x = (k * 2654435761 + salt * 40503 + 1) >>> 0 || 1;
  let hex = '';
  for (let i = 0; i < 64; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    hex += HEX[x & 15];
  }
  return `sha256:${hex}`;
}

export function benchEvent(k: number): LedgerEvent {
  const model = `model-${k % 97}`;
  const version = `1.${Math.floor(k / 97)}.${k % 7}`;
  switch (k % 4) {
    case 0:
      return { v: 1, type: 'dataset', recordedAt, name: `loans-${k}`, digest: digestOf(k, 1), source: `s3://warehouse/loans/part-${k}.parquet`, bytes: 1000 + k, rows: 10 * k };
    case 1:
      return { v: 1, type: 'run', recordedAt, id: `run-${k}`, model, datasets: [{ name: `loans-${k - 1}`, digest: digestOf(k - 1, 1) }], params: { seed: k, lr: 0.01 } };
    case 2:
      return { v: 1, type: 'version', recordedAt, model, version, artifact: { digest: digestOf(k, 2), bytes: 5000 + k }, run: `run-${k - 1}` };
    default:
      return { v: 1, type: 'deployment', recordedAt, model, version, environment: k % 8 === 3 ? 'staging' : 'production' };
  }
}

export function benchEvents(from: number, to: number): LedgerEvent[] {
  return Array.from({ length: to - from }, (_, j) => benchEvent(from + j));
}
