/**
 * What decision ingest returns. Batch semantics: each record is judged alone. A record that is malformed or names a
 * version that was not deployed is rejected with its index and field; the others are stored. A record whose id is
 * already stored (or that repeats an earlier id of the same batch) is a duplicate: the first one stored wins and the
 * later one is not compared with it. The HTTP status says which case the whole batch was: 200 when nothing was
 * rejected, 207 when some records were rejected and some taken, 422 when every record was rejected.
 */
export interface IngestResult {
  /** Records stored by this request (durable and ledgered). */
  readonly accepted: number;
  /** Records whose id was already stored (a retried batch) or repeated earlier in the batch. */
  readonly duplicates: number;
  readonly rejected: readonly Rejection[];
  /** The ledger leaf each accepted part of the batch went into (one per batch; absent when nothing was new). */
  readonly ledgerIndex?: number;
}

/** One rejected record: its 0-based index in the batch, the field at fault (JSON path inside the record), why. */
export interface Rejection {
  readonly index: number;
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** A record that passed validation: its canonical JSON (the in-batch leaf) and the columns the store indexes. */
export interface CheckedDecision {
  readonly index: number;
  readonly id: string;
  readonly model: string;
  readonly version: string;
  /** UTC, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly decidedAt: string;
  readonly record: string;
}

export interface CheckedLabel {
  readonly index: number;
  readonly decisionId: string;
  readonly recordedAt: string;
  /** The label value as canonical JSON, to tell an identical resend from a conflicting one. */
  readonly value: string;
  readonly record: string;
}
