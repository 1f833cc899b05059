import type { DecisionsEvent } from '../../core/index.ts';
import type { DecisionRow } from '../../store/index.ts';
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
 *   2. the ledger appends one `decisions` leaf per batch (the in-batch tree root of its new records) and is durable;
 *   3. one transaction inserts the rows with their leaf index and position (ON CONFLICT DO NOTHING);
 *   4. only then do the callers get their answers.
 * A crash after 2 and before 3 leaves a leaf whose decisions are not stored; they were never acknowledged, and the
 * client's retry ledgers them again in a new leaf. A row in the table therefore always has its durable leaf. A row
 * that another replica inserted between 1 and 3 is counted as a duplicate: the stored row (and its leaf) wins.
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
  const events: DecisionsEvent[] = fresh
    .filter((records) => records.length > 0)
    .map((records) => ({
      v: 1,
      type: 'decisions',
      recordedAt,
      count: records.length,
      root: batchRoot(records.map((record) => record.record)),
      versions: [...new Set(records.map((record) => `${record.model}@${record.version}`))].sort(),
    }));
  const appended = events.length === 0 ? undefined : await ledger.append(events);
  const rows: DecisionRow[] = [];
  const leafOf: (number | undefined)[] = [];
  let leaf = appended?.first ?? 0;
  for (const records of fresh) {
    if (records.length === 0) {
      leafOf.push(undefined);
      continue;
    }
    const ledgerIndex = leaf++;
    leafOf.push(ledgerIndex);
    records.forEach((record, position) => rows.push({ id: record.id, model: record.model, version: record.version, decidedAt: record.decidedAt, ledgerIndex, position, record: record.record }));
  }
  const inserted = new Set(await ledger.store.decisions.insertDecisions(rows));
  group.forEach((entry, k) => {
    const mine = (fresh[k] ?? []).filter((record) => inserted.has(record.id)).length;
    const ledgerIndex = leafOf[k];
    entry.resolve({
      accepted: mine,
      duplicates: entry.job.records.length - mine,
      rejected: entry.job.rejected,
      ...(ledgerIndex === undefined || mine === 0 ? {} : { ledgerIndex }),
    });
  });
}
