import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../src/store/index.ts';
import type { StoreHarness } from './harness.ts';
import { sha256TreeHasher } from './hasher.ts';
import { startWriter } from './processes.ts';
import { text } from './items.ts';
import { assertTreeConsistent } from './tree-check.ts';

/** Several real processes on one store: sequencing by the database, and durability of acknowledged appends. */
export function registerProcessConformance(harness: StoreHarness): void {
  test('two processes appending at once produce one log with no gap, no duplicate and a consistent tree', { timeout: 120_000 }, async () => {
    const url = await harness.freshUrl();
    await (await openStore(url, { hasher: sha256TreeHasher })).close(); // migrate first, so both writers start together
    const atLeast = 3_000;
    const startAt = Date.now() + 2_000;
    // Open-ended writers, stopped once each has 3,000 acknowledged leaves and their indices interleave. Waiting for
    // the interleaving (instead of hoping a fixed count shows it) keeps a loaded machine, where one process may be
    // descheduled for a whole fixed run, from failing a store that is correct.
    const writers = ['A', 'B'].map((name) => startWriter(url, name, 0, 7, 8, startAt));
    const interleaved = (): boolean => {
      const [a = [], b = []] = writers.map((writer) => writer.acked);
      return a.length >= atLeast && b.length >= atLeast && Math.min(...a) < Math.max(...b) && Math.min(...b) < Math.max(...a);
    };
    const deadline = Date.now() + 90_000;
    while (!interleaved() && Date.now() < deadline && writers.every((writer) => writer.child.exitCode === null)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    writers.forEach((writer) => writer.stop());
    const ends = await Promise.all(writers.map((writer) => writer.done));
    ends.forEach((end) => assert.equal(end.code, 0, end.stderr));
    assert.ok(interleaved(), 'the writers interleaved');
    const store = await openStore(url, { hasher: sha256TreeHasher });
    try {
      const leaves = await assertTreeConsistent(store);
      assert.equal(leaves.length, writers.reduce((sum, writer) => sum + writer.acked.length, 0), 'every stored leaf was acknowledged');
      const claimed = writers.flatMap((writer) => writer.acked).sort((a, b) => a - b);
      assert.deepEqual(claimed, leaves.map((leaf) => leaf.index), 'each index acknowledged to exactly one writer');
      writers.forEach((writer, w) => {
        const name = w === 0 ? 'A' : 'B';
        const seqs = writer.acked.map((index) => JSON.parse(text(leaves[index]?.leaf ?? new Uint8Array())) as { seq: number; writer: string });
        assert.ok(seqs.every((leaf) => leaf.writer === name), `indices acknowledged to ${name} hold ${name}'s leaves`);
        assert.deepEqual(seqs.map((leaf) => leaf.seq).sort((a, b) => a - b), Array.from({ length: seqs.length }, (_, k) => k));
      });
    } finally {
      await store.close();
    }
  });

  test('a writer killed with SIGKILL mid-stream loses no acknowledged leaf and leaves a consistent store', { timeout: 120_000 }, async () => {
    const url = await harness.freshUrl();
    const writer = startWriter(url, 'K', 0, 5, 6);
    await writer.whenAcked(2_500);
    writer.child.kill('SIGKILL');
    const end = await writer.done;
    assert.equal(end.signal, 'SIGKILL', 'the writer was killed, not finished');
    const store = await openStore(url, { hasher: sha256TreeHasher });
    try {
      const leaves = await assertTreeConsistent(store);
      const stored = new Set(leaves.map((leaf) => leaf.index));
      const lost = writer.acked.filter((index) => !stored.has(index));
      assert.deepEqual(lost, [], 'every acknowledged index is in the store');
      assert.ok(writer.acked.length >= 2_500);
      assert.deepEqual(await store.appendLeaves([{ leaf: Uint8Array.of(9), kind: 'k', recordedAt: '2026-03-01T00:00:00Z' }]), {
        first: leaves.length,
        count: 1,
        size: leaves.length + 1,
      });
    } finally {
      await store.close();
    }
  });
}
