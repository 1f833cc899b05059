import type { Digest } from './digest.ts';
import type { FindingStatus, InputRef, VerdictSummary, WaiverRef } from './verdict.ts';

/**
 * The typed, versioned events of the ledger. A leaf is the RFC 8785 canonical JSON of one event, so every field
 * here is part of what is signed: add fields only in a new version (`v`), never change the meaning of one.
 * Times are RFC 3339 UTC strings passed in by the caller (the core never reads the clock).
 */

/** Where an event was recorded from, captured from GitHub Actions / GitLab CI variables when present. */
export interface CiContext {
  readonly provider: 'github' | 'gitlab';
  readonly repository?: string;
  readonly commit?: string;
  readonly ref?: string;
  readonly runUrl?: string;
  readonly actor?: string;
}

interface EventBase {
  readonly v: 1;
  readonly recordedAt: string;
  readonly ci?: CiContext;
}

export interface ColumnSchema {
  readonly name: string;
  readonly type: string;
}

export interface DatasetEvent extends EventBase {
  readonly type: 'dataset';
  readonly name: string;
  readonly digest: Digest;
  readonly source: string;
  readonly bytes: number;
  /** Directories are hashed as a Merkle tree of their files; this is how many. */
  readonly files?: number;
  readonly rows?: number;
  readonly columns?: readonly ColumnSchema[];
}

export interface RunEvent extends EventBase {
  readonly type: 'run';
  readonly id: string;
  readonly model?: string;
  readonly datasets: readonly { readonly name: string; readonly digest: Digest }[];
  readonly code?: { readonly repository?: string; readonly commit?: string };
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

export interface VersionEvent extends EventBase {
  readonly type: 'version';
  readonly model: string;
  readonly version: string;
  readonly artifact: { readonly digest: Digest; readonly bytes: number; readonly path?: string };
  readonly run?: string;
}

export interface DeploymentEvent extends EventBase {
  readonly type: 'deployment';
  readonly model: string;
  readonly version: string;
  readonly environment: string;
}

export interface PolicyEvent extends EventBase {
  readonly type: 'policy';
  readonly name: string;
  readonly digest: Digest;
  /** The policy file's text, so the exact rules in force can be shown later. */
  readonly content: string;
}

export interface VerdictEvent extends EventBase {
  readonly type: 'verdict';
  readonly model?: string;
  readonly version?: string;
  readonly policy: { readonly name: string; readonly digest: Digest };
  readonly inputs: readonly InputRef[];
  readonly outcome: 'pass' | 'fail';
  readonly summary: VerdictSummary;
  /** Digest of the full verdict (the JSON report), which stays outside the ledger. */
  readonly verdictDigest: Digest;
  readonly findings: readonly {
    readonly ruleId: string;
    readonly status: FindingStatus;
    readonly metric?: string;
    readonly group?: string;
    readonly value?: number | null;
  }[];
}

/**
 * A human decision on the promotion of one model version: `approver` approved or rejected `model@version`, saying why
 * in `comment`. `verdict` is the ledger index of the verdict the approver looked at (a verdict of that same version),
 * when there was one. A later approval or rejection does not replace an earlier one: both stay in the log.
 */
export interface ApprovalEvent extends EventBase {
  readonly type: 'approval';
  readonly model: string;
  readonly version: string;
  readonly decision: 'approved' | 'rejected';
  readonly approver: string;
  readonly comment: string;
  readonly verdict?: number;
}

export interface WaiverEvent extends EventBase, WaiverRef {
  readonly type: 'waiver';
}

/** One delivery of an alert to a notification target or retraining trigger, with its outcome. */
export interface AlertDelivery {
  /** `webhook`, `slack`, `pagerduty`, `github`, `gitlab`. */
  readonly target: string;
  /** The receiver's origin only (hook paths and query strings can be secrets; they never enter the ledger). */
  readonly url: string;
  readonly ok: boolean;
  readonly attempts: number;
  /** The last HTTP status, when an answer came. */
  readonly status?: number;
  readonly error?: string;
}

/**
 * A monitor rule's alert opened (the rule fired on a window and no alert of it was open) or resolved (the rule passed
 * again). The open/resolved state of every alert is derived from these events; `deliveries` records what was sent.
 */
export interface AlertEvent extends EventBase {
  readonly type: 'alert';
  readonly action: 'opened' | 'resolved';
  readonly monitor: string;
  readonly rule: string;
  readonly model?: string;
  /** The window the rule was judged on, e.g. the current file's digest or a time range. */
  readonly window: string;
  readonly severity: 'error' | 'warn' | 'info';
  /** Digest of the monitor run's verdict that shows why. */
  readonly evidence: Digest;
  readonly deliveries: readonly AlertDelivery[];
}

/**
 * One later attempt round to deliver an alert that its first delivery (recorded in the alert event) did not reach:
 * `alert` is the alert event's ledger index, `slot` the target's place in the monitor's notify list (the retraining
 * trigger comes after them). `outcome` is `delivered`, `pending` (another round will follow) or `failed` (given up).
 * Append-only: the delivery history of an alert is its alert event plus these.
 */
export interface DeliveryEvent extends EventBase {
  readonly type: 'delivery';
  readonly monitor: string;
  readonly rule: string;
  readonly model?: string;
  readonly alert: number;
  readonly slot: number;
  /** 1 for the first redelivery round. */
  readonly round: number;
  readonly outcome: 'delivered' | 'pending' | 'failed';
  readonly delivery: AlertDelivery;
}

/** A monitor's reference profile, computed once by `steward monitor baseline` and reused for every window. */
export interface ReferenceEvent extends EventBase {
  readonly type: 'reference';
  readonly monitor: string;
  readonly model: string;
  readonly version: string;
  /** Digest of the reference profile file's bytes. */
  readonly profile: Digest;
  /** Digest of the data it was computed from. */
  readonly data: Digest;
  readonly rows: number;
}

/**
 * One accepted batch of production decisions (POST /v1/decisions), as one leaf: the batch's decisions are the leaves
 * of an in-batch RFC 6962 tree (each leaf the canonical JSON of one decision, in position order) and `root` is its
 * hash, so one decision's inclusion is proved by this leaf's proof plus the in-batch audit path. The decisions
 * themselves stay in the store's decision table, which keeps each one's exact canonical JSON.
 */
export interface DecisionsEvent extends EventBase {
  readonly type: 'decisions';
  readonly count: number;
  /** Lowercase hex RFC 6962 root of the in-batch tree. */
  readonly root: string;
  /** The `model@version`s the decisions name, sorted, without repeats. */
  readonly versions: readonly string[];
}

/** One accepted batch of labels (POST /v1/labels), hashed like DecisionsEvent: one in-batch tree per leaf. */
export interface LabelsEvent extends EventBase {
  readonly type: 'labels';
  readonly count: number;
  readonly root: string;
}

export type LedgerEvent =
  | DecisionsEvent
  | LabelsEvent
  | DatasetEvent
  | RunEvent
  | VersionEvent
  | DeploymentEvent
  | PolicyEvent
  | VerdictEvent
  | ApprovalEvent
  | WaiverEvent
  | AlertEvent
  | DeliveryEvent
  | ReferenceEvent;

export type EventType = LedgerEvent['type'];

/** What an event is about, as the store indexes it: `credit-scoring@1.4.0`, `dataset:loans-2026`, `policy:…`. */
export function subjectOf(event: LedgerEvent): string {
  switch (event.type) {
    case 'dataset':
      return `dataset:${event.name}`;
    case 'run':
      return `run:${event.id}`;
    case 'version':
    case 'deployment':
    case 'approval':
      return `${event.model}@${event.version}`;
    case 'policy':
      return `policy:${event.name}`;
    case 'verdict':
      return event.model === undefined ? `policy:${event.policy.name}` : `${event.model}@${event.version ?? ''}`;
    case 'waiver':
      return `${event.model}:${event.rule}`;
    case 'alert':
    case 'delivery':
      return `monitor:${event.monitor}:${event.rule}`;
    case 'reference':
      return `${event.model}@${event.version}`;
    case 'decisions':
    case 'labels':
      return event.type;
  }
}
