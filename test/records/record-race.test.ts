import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLedger, recordDigestedVersion, recordRun, type Ledger } from '../../src/app/index.ts';
import { forEachDialect } from '../app-ledger/dialects.ts';

const at = new Date('2026-11-01T00:00:00Z');
const artifact = { digest: `sha256:${'ab'.repeat(32)}` as const, bytes: 7 };

/**
 * Two ledgers (two connections) on one store, each held at its append until both have passed the record use case's
 * catalog check: the check sees no rival, so only the store's check inside the append transaction can refuse one.
 */
function racing(ledgers: readonly Ledger[]): Ledger[] {
  let arrived = 0;
  let release: () => void = () => undefined;
  const barrier = new Promise<void>((resolve) => (release = resolve));
  return ledgers.map((ledger) => {
    const held = Object.create(ledger) as Ledger;
    held.append = async (events) => {
      arrived += 1;
      if (arrived === ledgers.length) release();
      await barrier;
      return ledger.append(events);
    };
    return held;
  });
}

forEachDialect('Recording the same run or version from two writers at once', (harness) => {
  test('exactly one of two racing records of one run id or one model version succeeds; the other is RECORD_DUPLICATE', async () => {
    const store = await harness.freshUrl();
    const ledgers = [await openLedger({ store }), await openLedger({ store })];
    try {
      const runs = await Promise.allSettled(racing(ledgers).map((ledger) => recordRun(ledger, { id: 'train-7', datasets: [] }, { at })));
      const versions = await Promise.allSettled(
        racing(ledgers).map((ledger) => recordDigestedVersion(ledger, { ref: 'credit@1.0.0', artifact, run: 'train-7' }, { at })),
      );
      for (const outcome of [runs, versions]) {
        const won = outcome.filter((r) => r.status === 'fulfilled');
        const lost = outcome.filter((r) => r.status === 'rejected').map((r) => r.reason as { code?: string; message: string });
        assert.equal(won.length, 1, 'one writer wins');
        assert.deepEqual(lost.map((e) => e.code), ['RECORD_DUPLICATE'], 'the other is refused with RECORD_DUPLICATE');
        assert.match(lost[0]?.message ?? '', /was already recorded \(event #\d+\)/);
      }
      const types: string[] = [];
      for await (const recorded of ledgers[0]?.events() ?? []) types.push(recorded.event.type);
      assert.deepEqual(types, ['run', 'version'], 'the log holds each record once');
      assert.equal((await ledgers[0]?.verify())?.ok, true);
    } finally {
      await Promise.all(ledgers.map((ledger) => ledger.close()));
    }
  });
});
