import { createHash } from 'node:crypto';
import type { Digest, LedgerEvent } from '../../src/core/index.ts';

const digest = (seed: string): Digest => `sha256:${createHash('sha256').update(seed).digest('hex')}`;

/** A valid event of a varying type for position `k`, so a log mixes kinds and subjects. */
export function sampleEvent(k: number, recordedAt = '2026-11-20T10:00:00Z'): LedgerEvent {
  switch (k % 3) {
    case 0:
      return { v: 1, type: 'dataset', recordedAt, name: `loans-${k}`, digest: digest(`d${k}`), source: `data/${k}.csv`, bytes: k * 10 };
    case 1:
      return {
        v: 1,
        type: 'version',
        recordedAt,
        model: 'credit-scoring',
        version: `1.${k}.0`,
        artifact: { digest: digest(`a${k}`), bytes: 1000 + k },
      };
    default:
      return { v: 1, type: 'deployment', recordedAt, model: 'credit-scoring', version: `1.${k}.0`, environment: 'production' };
  }
}

export function sampleEvents(count: number, offset = 0): LedgerEvent[] {
  return Array.from({ length: count }, (_, k) => sampleEvent(offset + k));
}
