/**
 * The monitoring tables (migration 4). `monitor_windows` holds one row per (monitor, window) that some replica
 * claimed: inserting it is the claim, so on a shared store exactly one replica evaluates a given window. It keeps the
 * window's label coverage at its last evaluation, so a provisional window is evaluated again only when labels came
 * in. `monitor_deliveries` is the outbox of notifications that have not reached their receiver yet. Neither is the
 * truth: the verdicts' digests, the alerts and every delivery attempt are ledger events.
 */

/** A decision's place in arrival order: its ledger leaf and its position in that leaf's batch. */
export interface DecisionKey {
  readonly ledgerIndex: number;
  readonly position: number;
}

export interface WindowClaim {
  readonly monitor: string;
  /** Window number: start ÷ length for time windows (epoch-aligned), k for the k-th count window. */
  readonly seq: number;
  /** How the window is shown: its RFC 3339 start, or `#k`. */
  readonly name: string;
  /** Who claims it (a replica id) and when (UTC). */
  readonly owner: string;
  readonly claimedAt: string;
}

export interface WindowRecord extends WindowClaim {
  readonly state: 'claimed' | 'evaluated';
  /** Count windows: the first and last decision, so the next window starts right after it. */
  readonly first?: DecisionKey;
  readonly last?: DecisionKey;
  readonly rows: number;
  readonly labelled: number;
  readonly provisional: boolean;
  readonly verdict?: string;
  readonly outcome?: 'pass' | 'fail';
  readonly evaluatedAt?: string;
}

export interface ClaimOptions {
  /** An unfinished claim older than this (a replica died mid-evaluation) may be taken over. */
  readonly staleBefore: string;
  /**
   * Re-evaluation of a provisional window: the claim succeeds only when the stored row is evaluated, provisional and
   * still records this many labelled decisions (compare-and-set, so one replica wins).
   */
  readonly relabel?: number;
}

/** A decision of a window with its label, when one arrived. */
export interface WindowDecision {
  readonly id: string;
  readonly version: string;
  readonly decidedAt: string;
  readonly key: DecisionKey;
  readonly record: string;
  readonly label?: string;
}

export interface DecisionSelector {
  readonly model: string;
  /** Only this version when given. */
  readonly version?: string;
}

export interface DeliveryRow {
  /** `<alert ledger index>:<slot>`. */
  readonly id: string;
  readonly monitor: string;
  readonly rule: string;
  readonly alertIndex: number;
  /** Index into the monitor's notify targets; notify.length is the retraining trigger. */
  readonly slot: number;
  readonly target: string;
  readonly origin: string;
  /** The alert notice as JSON, so a resend carries the same content. */
  readonly notice: string;
  readonly state: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastStatus?: number;
  readonly lastError?: string;
  readonly nextAt: string;
  readonly updatedAt: string;
}

/** Both dialects implement it (sqlite/monitor-table.ts, postgres/monitor-table.ts) and pass one conformance suite. */
export interface MonitorStore {
  /** Claims a window (see ClaimOptions); resolves whether this caller holds it now. */
  claimWindow(claim: WindowClaim, options: ClaimOptions): Promise<boolean>;
  /** Records the evaluation of a window this caller claimed. */
  finishWindow(record: WindowRecord): Promise<void>;
  window(monitor: string, seq: number): Promise<WindowRecord | undefined>;
  /** The latest `limit` windows of a monitor, highest seq first. */
  windows(monitor: string, limit: number): Promise<WindowRecord[]>;

  /** Decisions with from ≤ decidedAt < to, ordered by (decidedAt, id), after `after`, at most `limit`. */
  decisionsInTime(selector: DecisionSelector, from: string, to: string, after: { decidedAt: string; id: string } | undefined, limit: number): Promise<WindowDecision[]>;
  /** Decisions in arrival order (ledger index, position) after `after`, at most `limit`. */
  decisionsInOrder(selector: DecisionSelector, after: DecisionKey | undefined, limit: number): Promise<WindowDecision[]>;
  /**
   * Decisions after `after` in arrival order, counted up to `limit`: whether an open count window is full, from the
   * index alone (no record or label read), so a tick costs one bounded count query, not N rows.
   */
  countInOrder(selector: DecisionSelector, after: DecisionKey | undefined, limit: number): Promise<number>;
  /**
   * The key of the decision `offset` places after `after` in arrival order (offset 0: the next one), or undefined
   * when there are not that many: where count window k starts when window k − 1 was never recorded, from the index
   * alone.
   */
  decisionKeyAt(selector: DecisionSelector, after: DecisionKey | undefined, offset: number): Promise<DecisionKey | undefined>;
  /** The earliest decidedAt ≥ from, to skip empty time windows. */
  firstDecisionAt(selector: DecisionSelector, from: string): Promise<string | undefined>;
  /** Labelled decisions of a time window, or of a count window [first, last] (cheap: no records read). */
  labelledInTime(selector: DecisionSelector, from: string, to: string): Promise<number>;
  labelledInOrder(selector: DecisionSelector, first: DecisionKey, last: DecisionKey): Promise<number>;

  /**
   * The ledger's `alert` leaves in index order: those whose subject is one of `subjects` (`monitor:<name>:<rule>`),
   * or every alert leaf. Read through the alert index (migration 7), so the cost follows the number of alerts, not
   * the size of the log. The ledger stays the truth: these are its leaves, verbatim.
   */
  alertLeaves(subjects?: readonly string[]): Promise<{ readonly index: number; readonly leaf: Uint8Array }[]>;

  /** Adds outbox rows; an id already present is left as it was. */
  addDeliveries(rows: readonly DeliveryRow[]): Promise<void>;
  /**
   * Pending deliveries of the given monitors due at `now` (nextAt ≤ now), oldest first. Filtered in the query, so a
   * replica serving some monitors is not starved by other monitors' backlog.
   */
  dueDeliveries(now: string, monitors: readonly string[], limit: number): Promise<DeliveryRow[]>;
  /** Compare-and-set on nextAt: pushes a due delivery to `leaseUntil` so no other replica sends it meanwhile. */
  leaseDelivery(id: string, nextAt: string, leaseUntil: string): Promise<boolean>;
  /** Stores the outcome of an attempt round (state, attempts, last status/error, next time). */
  updateDelivery(row: DeliveryRow): Promise<void>;
  /** Every outbox row (of one monitor), newest alert first. */
  deliveries(monitor?: string): Promise<DeliveryRow[]>;
}

/** Decisions read per page while a window streams into its profiles: bounds memory, amortises round trips. */
export const WINDOW_PAGE = 5_000;
