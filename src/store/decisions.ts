/**
 * The decision and label tables (migration 3): production decisions and their later ground truth, written by the
 * ingest use case (src/app/decisions). Each row keeps the exact canonical JSON that was hashed into its ledger leaf
 * (`record`), and where: `ledgerIndex` is the leaf of the batch it was ledgered in, `position` its place in that
 * batch's in-batch Merkle tree. So a single decision's inclusion is provable from the table and the log alone.
 */

/** One decision as stored. Times are UTC `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export interface DecisionRow {
  readonly id: string;
  readonly model: string;
  readonly version: string;
  readonly decidedAt: string;
  readonly ledgerIndex: number;
  readonly position: number;
  /** RFC 8785 canonical JSON of the decision, the in-batch leaf. */
  readonly record: string;
}

/** One label (ground truth) as stored; at most one per decision. */
export interface LabelRow {
  readonly decisionId: string;
  readonly recordedAt: string;
  readonly ledgerIndex: number;
  readonly position: number;
  readonly record: string;
}

/**
 * The rows one ledger leaf carries into its append transaction (AppendItem.rows); the store gives them the leaf's
 * index as their `ledgerIndex`.
 */
export type LeafRows =
  | { readonly table: 'decisions'; readonly rows: readonly Omit<DecisionRow, 'ledgerIndex'>[] }
  | { readonly table: 'labels'; readonly rows: readonly Omit<LabelRow, 'ledgerIndex'>[] };

/** Both dialects implement it (sqlite/decision-table.ts, postgres/decision-table.ts) and pass one conformance suite. */
export interface DecisionStore {
  /** The ids among `ids` that are stored (one query). */
  existingDecisions(ids: readonly string[]): Promise<Set<string>>;
  /**
   * Inserts in one transaction; a row whose id is already stored is left as it was (never overwritten). Resolves
   * with the ids this call inserted, so a caller racing another replica learns which rows were its own.
   */
  insertDecisions(rows: readonly DecisionRow[]): Promise<string[]>;
  decision(id: string): Promise<DecisionRow | undefined>;
  /** The decisions ledgered in leaf `ledgerIndex`, by position. */
  decisionsInLeaf(ledgerIndex: number): Promise<DecisionRow[]>;
  countDecisions(): Promise<number>;
  /** The stored labels of these decision ids (one query). */
  labels(ids: readonly string[]): Promise<Map<string, LabelRow>>;
  /** Like insertDecisions: a label already set for a decision is kept; resolves with the decision ids inserted. */
  insertLabels(rows: readonly LabelRow[]): Promise<string[]>;
  /** The labels ledgered in leaf `ledgerIndex`, by position. */
  labelsInLeaf(ledgerIndex: number): Promise<LabelRow[]>;
}

/** Rows per multi-row statement: bounded so SQLite's and PostgreSQL's parameter limits are never reached. */
export const DECISION_CHUNK = 500;
