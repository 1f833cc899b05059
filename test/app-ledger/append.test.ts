import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLedger, type RecordedEvent } from '../../src/app/index.ts';
import { canonicalJson, isStewardError, type LedgerEvent } from '../../src/core/index.ts';
import { leafHash, toHex } from '../../src/ledger/index.ts';
import { forEachDialect } from './dialects.ts';
import { sampleEvent, sampleEvents } from './events.ts';

async function collect(source: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const item of source) out.push(item);
  return out;
}

forEachDialect('Ledger append and events', (harness) => {
  test('appended events come back in order with their index and the RFC 6962 hash of their canonical JSON', async () => {
    const ledger = await openLedger({ store: await harness.freshUrl() });
    try {
      const events = sampleEvents(7);
      const first = await ledger.append(events.slice(0, 3));
      const second = await ledger.append(events.slice(3));
      assert.deepEqual(first, { first: 0, count: 3, size: 3 });
      assert.deepEqual(second, { first: 3, count: 4, size: 7 });
      assert.equal(await ledger.size(), 7);
      const read = await collect(ledger.events());
      assert.deepEqual(read.map((r) => r.event), events);
      assert.deepEqual(read.map((r) => r.index), [0, 1, 2, 3, 4, 5, 6]);
      const expected = events.map((event) => toHex(leafHash(new TextEncoder().encode(canonicalJson(event)))));
      assert.deepEqual(read.map((r) => r.leafHash), expected);
      assert.deepEqual((await collect(ledger.events(2, 4))).map((r) => r.index), [2, 3]);
    } finally {
      await ledger.close();
    }
  });

  test('the store indexes each event by its type and subject', async () => {
    const url = await harness.freshUrl();
    const ledger = await openLedger({ store: url });
    try {
      await ledger.append(sampleEvents(2));
    } finally {
      await ledger.close();
    }
    const rows = await harness.sql(url, 'SELECT kind, subject FROM ledger_leaves ORDER BY idx');
    assert.deepEqual(rows.map((r) => [r.kind, r.subject]), [
      ['dataset', 'dataset:loans-0'],
      ['version', 'credit-scoring@1.1.0'],
    ]);
  });

  test('a batch with one malformed event is refused with LEDGER_INVALID_EVENT naming the field, and appends nothing', async () => {
    const ledger = await openLedger({ store: await harness.freshUrl() });
    try {
      const bad = { ...sampleEvent(1), artifact: { digest: 'md5:abc', bytes: 3 } } as unknown as LedgerEvent;
      await assert.rejects(ledger.append([sampleEvent(0), bad]), (error: unknown) => {
        assert.ok(isStewardError(error));
        assert.equal(error.code, 'LEDGER_INVALID_EVENT');
        assert.equal(error.problem.location?.path, 'events[1].artifact.digest');
        return true;
      });
      const unknownField = { ...sampleEvent(0), colour: 'red' } as unknown as LedgerEvent;
      await assert.rejects(ledger.append([unknownField]), { code: 'LEDGER_INVALID_EVENT' });
      const badTime = { ...sampleEvent(0), recordedAt: 'yesterday' } as LedgerEvent;
      await assert.rejects(ledger.append([badTime]), { code: 'LEDGER_INVALID_EVENT' });
      assert.equal(await ledger.size(), 0);
    } finally {
      await ledger.close();
    }
  });
});
