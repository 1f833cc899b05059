import type { LabelsEvent } from '../../core/index.ts';
import type { LabelRow, LeafRows } from '../../store/index.ts';
import type { Ledger } from '../ledger/types.ts';
import { batchRoot } from './batch-tree.ts';
import type { QueuedJob } from './bounded-queue.ts';
import type { CheckedLabel, IngestResult, Rejection } from './types.ts';

export interface LabelJob {
  readonly records: readonly CheckedLabel[];
  readonly rejected: readonly Rejection[];
}

/**
 * Writes one group of label batches as writeDecisions does (each batch's leaf and its rows in one ledger append, then
 * the answers).
 * Labels are immutable: a label for a decision that has one is a duplicate when its value is the same, and rejected
 * with INGEST_LABEL_CONFLICT when it differs; a label for an id that is not stored is rejected with
 * INGEST_UNKNOWN_DECISION. A conflicting label another replica stored first is found after the insert and rejected.
 */
export async function writeLabels(ledger: Ledger, group: readonly QueuedJob<LabelJob, IngestResult>[], now: () => Date): Promise<void> {
  const ids = group.flatMap((entry) => entry.job.records.map((record) => record.decisionId));
  const [decisions, labels] = await Promise.all([ledger.store.decisions.existingDecisions(ids), ledger.store.decisions.labels(ids)]);
  const taken = new Map<string, string>([...labels].map(([id, row]) => [id, valueOf(row.record)]));
  const outcome = group.map((entry) => {
    const rejected: Rejection[] = [...entry.job.rejected];
    let duplicates = 0;
    const fresh: CheckedLabel[] = [];
    for (const record of entry.job.records) {
      const existing = taken.get(record.decisionId);
      if (!decisions.has(record.decisionId)) rejected.push(unknownDecision(record));
      else if (existing === undefined) {
        fresh.push(record);
        taken.set(record.decisionId, record.value);
      } else if (existing === record.value) duplicates++;
      else rejected.push(conflict(record));
    }
    return { rejected, duplicates, fresh };
  });
  const batches = outcome.map(({ fresh }) => fresh).filter((fresh) => fresh.length > 0);
  const events: LabelsEvent[] = batches.map((fresh) => ({ v: 1, type: 'labels', recordedAt: now().toISOString(), count: fresh.length, root: batchRoot(fresh.map((record) => record.record)) }));
  const rows: LeafRows[] = batches.map((fresh) => ({
    table: 'labels',
    rows: fresh.map((record, position) => ({ decisionId: record.decisionId, recordedAt: record.recordedAt, position, record: record.record })),
  }));
  const appended = events.length === 0 ? undefined : await ledger.append(events, rows);
  const inserted = new Set<string>();
  const leafOf: (number | undefined)[] = [];
  let leaf = 0;
  for (const { fresh } of outcome) {
    if (fresh.length === 0 || appended === undefined) {
      leafOf.push(undefined);
      continue;
    }
    const batch = leaf++;
    leafOf.push(appended.first + batch);
    for (const id of appended.inserted?.[batch] ?? []) inserted.add(id);
  }
  const lost = outcome.flatMap(({ fresh }) => fresh.filter((record) => !inserted.has(record.decisionId)).map((record) => record.decisionId));
  const winners = lost.length === 0 ? new Map<string, LabelRow>() : await ledger.store.decisions.labels(lost);
  group.forEach((entry, k) => {
    const { rejected, fresh } = outcome[k] as (typeof outcome)[number];
    let { duplicates } = outcome[k] as (typeof outcome)[number];
    let accepted = 0;
    for (const record of fresh) {
      const winner = winners.get(record.decisionId);
      if (inserted.has(record.decisionId)) accepted++;
      else if (winner !== undefined && valueOf(winner.record) === record.value) duplicates++;
      else rejected.push(conflict(record));
    }
    const ledgerIndex = leafOf[k];
    entry.resolve({ accepted, duplicates, rejected: rejected.sort((a, b) => a.index - b.index), ...(ledgerIndex === undefined || accepted === 0 ? {} : { ledgerIndex }) });
  });
}

/** The canonical JSON of a stored label's value, to compare with CheckedLabel.value. */
function valueOf(record: string): string {
  return JSON.stringify([(JSON.parse(record) as { label: unknown }).label]);
}

function unknownDecision(record: CheckedLabel): Rejection {
  return { index: record.index, field: 'decision_id', code: 'INGEST_UNKNOWN_DECISION', message: `no decision "${record.decisionId}" is stored` };
}

function conflict(record: CheckedLabel): Rejection {
  return { index: record.index, field: 'label', code: 'INGEST_LABEL_CONFLICT', message: `decision "${record.decisionId}" already has a different label; labels are immutable` };
}
