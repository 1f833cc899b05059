import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { initLedger, openLedger } from '../../src/app/index.ts';
import { sqliteHarness } from '../store/sqlite-harness.ts';
import { sampleEvents } from './events.ts';

/**
 * Tampering with the rows of a real SQLite store (direct SQL on the file, as an attacker with disk access would) is
 * always found by verify, which names the first bad index. `expect(i, j)` is the index verify must report.
 */
const harness = sqliteHarness();
test.after(() => harness.cleanup());

interface Tamper {
  readonly name: string;
  readonly sql: (i: number, j: number) => { text: string; values: unknown[] };
  readonly expect: (
    i: number,
    j: number,
    size: number,
  ) => { code: string; index: number } | { code: string; within: [number, number] };
  /** Whether the tamper needs at least two leaves (i < j). */
  readonly pair?: boolean;
}

/**
 * What verify reports when leaf k was replaced by another self-consistent leaf (event and hash): the stored node of
 * the subtree of 16 leaves over k (LOWEST_STORED_LEVEL = 4) no longer matches; a leaf in the tail after the last
 * complete 16 is under no stored node, so only the checkpoint's root catches it, bounding the change to [0, k].
 */
function changedAt(k: number, size: number): { code: string; within: [number, number] } {
  return k < Math.floor(size / 16) * 16 ? { code: 'LEDGER_NODE_MISMATCH', within: [k - (k % 16), k] } : { code: 'LEDGER_ROOT_MISMATCH', within: [0, k] };
}

const tampers: Tamper[] = [
  {
    name: 'flip a byte of a stored event',
    sql: (i) => ({ text: "UPDATE ledger_leaves SET leaf = CAST(replace(CAST(leaf AS TEXT), '\"v\":1', '\"v\":2') AS BLOB) WHERE idx = ?", values: [i] }),
    expect: (i) => ({ code: 'LEDGER_LEAF_MISMATCH', index: i }),
  },
  {
    name: 'flip a byte of a stored leaf hash',
    sql: (i) => ({ text: "UPDATE ledger_leaves SET leaf_hash = unhex(CASE WHEN substr(hex(leaf_hash), 1, 2) = '00' THEN '01' ELSE '00' END || substr(hex(leaf_hash), 3)) WHERE idx = ?", values: [i] }),
    expect: (i) => ({ code: 'LEDGER_LEAF_MISMATCH', index: i }),
  },
  {
    name: 'delete a row',
    sql: (i) => ({ text: 'DELETE FROM ledger_leaves WHERE idx = ?', values: [i] }),
    expect: (i) => ({ code: 'LEDGER_LEAF_MISMATCH', index: i }),
  },
  {
    name: 'truncate the log from a row on',
    sql: (i) => ({ text: 'DELETE FROM ledger_leaves WHERE idx >= ?', values: [i] }),
    expect: (i) => ({ code: 'LEDGER_LEAF_MISMATCH', index: i }),
  },
  {
    name: 'swap two rows (events with their hashes)',
    pair: true,
    sql: (i, j) => ({
      text: `UPDATE ledger_leaves SET (leaf, leaf_hash) = (SELECT leaf, leaf_hash FROM ledger_leaves o WHERE o.idx = (? + ? - ledger_leaves.idx)) WHERE idx IN (?, ?)`,
      values: [i, j, i, j],
    }),
    // The leaves are self-consistent; the first stored node over leaf i (its subtree of 16) no longer matches. In the
    // tail past the last complete 16, under no stored node, only the checkpoint's root can catch it.
    expect: (i, _j, size) => changedAt(i, size),
  },
  {
    name: 'duplicate a row onto another',
    pair: true,
    sql: (i, j) => ({ text: 'UPDATE ledger_leaves SET (leaf, leaf_hash) = (SELECT leaf, leaf_hash FROM ledger_leaves WHERE idx = ?) WHERE idx = ?', values: [i, j] }),
    expect: (_i, j, size) => changedAt(j, size),
  },
];

test('tampering with stored rows is detected and the first bad index is named', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 2, max: 70 }),
      fc.nat(),
      fc.nat(),
      fc.constantFrom(...tampers),
      async (size, a, b, tamper) => {
        const i = a % size;
        let j = b % size;
        if (tamper.pair === true && j === i) j = (i + 1) % size;
        const [lo, hi] = tamper.pair === true ? [Math.min(i, j), Math.max(i, j)] : [i, j];
        const store = await harness.freshUrl();
        await initLedger({ store });
        const ledger = await openLedger({ store });
        try {
          await ledger.append(sampleEvents(size));
          await ledger.checkpoint();
        } finally {
          await ledger.close();
        }
        const { text, values } = tamper.sql(lo, hi);
        await harness.sql(store, text, values);
        const reopened = await openLedger({ store });
        try {
          const report = await reopened.verify();
          assert.equal(report.ok, false, `${tamper.name} at ${lo}/${hi} of ${size} was not detected`);
          if (report.ok) return;
          const expected = tamper.expect(lo, hi, size);
          assert.equal(report.finding.code, expected.code, report.finding.reason);
          if ('index' in expected) assert.equal(report.finding.index, expected.index);
          else {
            const index = report.finding.index ?? -1;
            assert.ok(index >= expected.within[0] && index <= expected.within[1], `index ${index} not in ${expected.within.join('..')}`);
          }
        } finally {
          await reopened.close();
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('flipping a stored interior node is reported as LEDGER_NODE_MISMATCH at the first leaf under it', async () => {
  await fc.assert(
    // Nodes are stored from level 4 (LOWEST_STORED_LEVEL): a log of 16 leaves is the smallest that has one.
    fc.asyncProperty(fc.integer({ min: 16, max: 70 }), fc.nat(), async (size, pick) => {
      const store = await harness.freshUrl();
      const ledger = await openLedger({ store });
      try {
        await ledger.append(sampleEvents(size));
      } finally {
        await ledger.close();
      }
      const nodes = await harness.sql(store, 'SELECT level, idx FROM ledger_nodes ORDER BY level, idx');
      const node = nodes[pick % nodes.length] as { level: number; idx: number };
      await harness.sql(store, 'UPDATE ledger_nodes SET hash = zeroblob(32) WHERE level = ? AND idx = ?', [node.level, node.idx]);
      const reopened = await openLedger({ store });
      try {
        const report = await reopened.verify();
        assert.equal(report.ok, false);
        if (report.ok) return;
        assert.equal(report.finding.code, 'LEDGER_NODE_MISMATCH');
        assert.equal(report.finding.index, node.idx * 2 ** node.level);
      } finally {
        await reopened.close();
      }
    }),
    { numRuns: 30 },
  );
});
