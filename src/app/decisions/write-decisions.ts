import type { DecisionsEvent } from '../../core/index.ts';
import type { LeafRows } from '../../store/index.ts';
import type { Ledger } from '../ledger/types.ts';
import { batchRoot } from './batch-tree.ts';
import type { QueuedJob } from './bounded-queue.ts';
import type { CheckedDecision, IngestResult, Rejection } from './types.ts';

/** One request's share of a group: its valid records and the rejections found before the queue. */
export interface DecisionJob {
  readonly records: readonly CheckedDecision[];
  readonly rejected: readonly Rejection[];
}

/**
 * Writes one group of decision batches. Order, so that an acknowledged decision is never lost and never un-ledgered:
 *   1. one query finds the ids already stored; those, and ids repeated within the group, are duplicates;
 *   2. one ledger append writes one `decisions` leaf per batch (the in-batch tree root of its new records) and, in
 *      the same transaction, the batch's rows with that leaf's index and their positions (ON CONFLICT DO NOTHING);
 *   3. only once that transaction is durable do the callers get their answers.
 * A crash before 2 commits leaves neither leaf nor rows: nothing was acknowledged, and the client's retry writes them.
 * A row therefore always has its durable leaf, and a leaf always has its rows, except a row that another replica
 * inserted between 1 and 2: that is counted as a duplicate, and the stored row (and its own leaf) wins.
 */
export async function writeDecisions(ledger: Ledger, group: readonly QueuedJob<DecisionJob, IngestResult>[], now: () => Date): Promise<void> {
  const ids = group.flatMap((entry) => entry.job.records.map((record) => record.id));
  const stored = await ledger.store.decisions.existingDecisions(ids);
  const seen = new Set<string>();
  const fresh = group.map((entry) =>
    entry.job.records.filter((record) => {
      if (stored.has(record.id) || seen.has(record.id)) return false;
      seen.add(record.id);
      return true;
    }),
  );
  const recordedAt = now().toISOString();
  const batches = fresh.filter((records) => records.length > 0);
  const events: DecisionsEvent[] = batches.map((records) => ({
    v: 1,
    type: 'decisions',
    recordedAt,
    count: records.length,
    root: batchRoot(records.map((record) => record.record)),
    versions: [...new Set(records.map((record) => `${record.model}@${record.version}`))].sort(),
  }));
  const rows: LeafRows[] = batches.map((records) => ({
    table: 'decisions',
    rows: records.map((record, position) => ({ id: record.id, model: record.model, version: record.version, decidedAt: record.decidedAt, position, record: record.record })),
  }));
  const appended = events.length === 0 ? undefined : await ledger.append(events, rows);
  let leaf = 0;
  group.forEach((entry, k) => {
    const batch = (fresh[k]?.length ?? 0) === 0 ? undefined : leaf++;
    const mine = batch === undefined || appended === undefined ? 0 : (appended.inserted?.[batch]?.length ?? 0);
    entry.resolve({
      accepted: mine,
      duplicates: entry.job.records.length - mine,
      rejected: entry.job.rejected,
      ...(batch === undefined || appended === undefined || mine === 0 ? {} : { ledgerIndex: appended.first + batch }),
    });
  });
}
