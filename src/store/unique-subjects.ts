import { StewardError } from '../core/errors.ts';
import type { RowItem } from './append-items.ts';
import { BatchRejection } from './group-commit.ts';

/**
 * Subjects recorded once (AppendItem.unique): a run id, a model version. The check runs inside the append
 * transaction after the write lock is taken (SQLite's BEGIN IMMEDIATE, PostgreSQL's row lock on ledger_state), so
 * "is it new?" and "append it" are one atomic step for every writer of the store; the ledger_unique primary key
 * backs it up should a writer ever skip the check.
 */

/** STORE_DUPLICATE_SUBJECT, with the index of the leaf already holding the subject when it is committed. */
export class DuplicateSubjectError extends StewardError {
  readonly kind: string;
  readonly subject: string;
  /** The index of the committed leaf with this kind and subject; undefined when the rival is in the same append. */
  readonly holder: number | undefined;

  constructor(kind: string, subject: string, holder: number | undefined) {
    super({
      code: 'STORE_DUPLICATE_SUBJECT',
      message:
        holder === undefined
          ? `a "${kind}" event for ${subject} appears twice in one append`
          : `the log already holds a "${kind}" event for ${subject} (event #${holder})`,
      expected: `a ${kind} subject not yet in the log`,
    });
    this.kind = kind;
    this.subject = subject;
    this.holder = holder;
  }
}

/** The unique rows of a batch with their positions (what the dialects look up and insert). */
export function uniqueRows(rows: readonly RowItem[]): { position: number; kind: string; subject: string }[] {
  const found: { position: number; kind: string; subject: string }[] = [];
  rows.forEach((row, position) => {
    if (row.unique && row.subject !== null) found.push({ position, kind: row.kind, subject: row.subject });
  });
  return found;
}

/**
 * The batch's conflicts, given `held` (batch position → index of the committed leaf with the same kind and subject):
 * a subject the log holds is refused; the second of two items of one batch with the same subject is deferred to
 * the next batch (the writer of the first one may still be refused for another reason), where it meets the first
 * one committed. Undefined when the batch can be committed as it is.
 */
export function uniqueConflicts(rows: readonly RowItem[], held: ReadonlyMap<number, number>): BatchRejection | undefined {
  const rejected = new Map<number, Error>();
  const deferred = new Map<number, { earlier: number; error: Error }>();
  const seen = new Map<string, number>();
  for (const { position, kind, subject } of uniqueRows(rows)) {
    const holder = held.get(position);
    if (holder !== undefined) {
      rejected.set(position, new DuplicateSubjectError(kind, subject, holder));
      continue;
    }
    const key = `${kind}\u0000${subject}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, position);
    else deferred.set(position, { earlier, error: new DuplicateSubjectError(kind, subject, undefined) });
  }
  return rejected.size === 0 && deferred.size === 0 ? undefined : new BatchRejection(rejected, deferred);
}
