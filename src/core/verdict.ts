import type { Digest } from './digest.ts';
import type { Location } from './location.ts';
import type { ExplainSection } from './explain-types.ts';
import type { Aggregation, ColumnHealth, Interval, MetricsSection } from './metrics-types.ts';

export type Severity = 'error' | 'warn' | 'info';

/**
 * A rule's outcome. `fail` is reserved for failed error-severity rules (it fails the check); a failed `warn` or
 * `info` rule is `warn`. `waived` is a failure covered by an active waiver. `insufficient_evidence` means a group was
 * smaller than min_group_size or a metric was undefined, so the rule could not be decided.
 */
export type FindingStatus = 'pass' | 'fail' | 'warn' | 'insufficient_evidence' | 'waived';

/**
 * `waiver` marks findings about a waiver itself (expired, or naming a rule the policy does not have). The kinds from
 * `schema` on are the data rules of a dataset check (training data, no predictions). `drift` is a monitor's comparison of
 * a window with its reference (a column, or the dataset as a whole); its evidence names the statistics, values,
 * thresholds and why those tests were chosen.
 */
export type RuleKind =
  | 'metric'
  | 'disparity'
  | 'baseline'
  | 'documentation'
  | 'expression'
  | 'waiver'
  | 'schema'
  | 'representation'
  | 'label_balance'
  | 'missingness'
  | 'leakage'
  | 'duplicates'
  | 'personal_data'
  | 'previous_version'
  | 'proxy'
  | 'drift';

export interface Bound {
  readonly min?: number;
  readonly max?: number;
}

export interface WaiverRef {
  readonly rule: string;
  readonly model: string;
  readonly owner: string;
  readonly approver: string;
  readonly ticket: string;
  readonly justification: string;
  /** ISO date (YYYY-MM-DD) or date-time; the waiver is active up to and including this instant. */
  readonly expires: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly kind: RuleKind;
  readonly severity: Severity;
  readonly status: FindingStatus;
  /** One sentence a person understands without reading the policy. */
  readonly message: string;
  readonly metric?: string;
  /** Group key (`race=black`) when the finding is about one group. */
  readonly group?: string;
  readonly grouping?: readonly string[];
  readonly aggregation?: Aggregation;
  readonly value?: number | null;
  readonly bound?: Bound;
  readonly interval?: Interval;
  /** The rows (or denominator) the value rests on. */
  readonly n?: number;
  readonly formula?: string;
  /** Anything else that supports the outcome: group sizes, baseline value, missing fields, the CEL expression. */
  readonly evidence?: Readonly<Record<string, unknown>>;
  /** The rule's position in the policy file (for SARIF and editor links). */
  readonly location: Location;
  readonly waiver?: WaiverRef;
}

/**
 * `dataset`: the training data of a dataset check (the data a model will be trained on, not its predictions);
 * `dataset_previous`: the previous recorded version it was compared with. `attributions`, `importance_baseline` and
 * `endpoint` are explainability evidence; an endpoint's `file` is its URL without credentials or query values, and
 * its digest is that of the URL and protocol (a served model has no bytes to hash).
 */
export type InputRole =
  | 'evaluation'
  | 'baseline'
  | 'model_card'
  | 'waivers'
  | 'policy'
  | 'dataset'
  | 'dataset_previous'
  | 'attributions'
  | 'importance_baseline'
  | 'endpoint';

export interface InputRef {
  readonly role: InputRole;
  /** The path as the user gave it. */
  readonly file: string;
  readonly digest: Digest;
  readonly rows?: number;
}

export interface VerdictSummary {
  readonly pass: number;
  readonly fail: number;
  readonly warn: number;
  readonly insufficient_evidence: number;
  readonly waived: number;
}

/** One column of a checked dataset: what it holds, as the data profile saw it. */
export interface DatasetColumn {
  readonly column: string;
  /** `id`, `label`, `sensitive` or `feature`. */
  readonly role: string;
  /** How it was read: `number` or `category` (text). */
  readonly kind: 'number' | 'category';
  /** The type declared in the policy, when one was. */
  readonly type?: string;
  readonly rows: number;
  readonly missing: number;
  /** Distinct non-missing values, when counted (text, unique and id columns). */
  readonly distinct: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** The dataset section of a dataset check (`data.task: dataset`): per-column health and duplicate rows. */
export interface DatasetSection {
  readonly rows: number;
  /** Rows repeating an earlier row on every column but the id. */
  readonly duplicateRows: number;
  readonly columns: readonly DatasetColumn[];
}

/** The result of one `steward check`: every finding plus the digests of everything that produced it. */
export interface Verdict {
  readonly schema: 'steward.verdict/v1';
  readonly tool: { readonly name: 'steward'; readonly version: string };
  readonly outcome: 'pass' | 'fail';
  readonly summary: VerdictSummary;
  readonly policy: { readonly name: string; readonly file: string; readonly digest: Digest };
  readonly model?: { readonly name: string; readonly version?: string };
  readonly inputs: readonly InputRef[];
  readonly seed: number;
  readonly settings: {
    readonly confidence: number;
    readonly minGroupSize: number;
    readonly failOn: 'point' | 'interval';
    readonly bootstrapSamples: number;
  };
  readonly columns: Readonly<Record<string, string | readonly string[]>>;
  readonly health: readonly ColumnHealth[];
  readonly metrics: MetricsSection;
  readonly baseline?: MetricsSection;
  /** Present for a dataset check: the training data's columns; `metrics` then holds its group metrics. */
  readonly dataset?: DatasetSection;
  /** Present when the policy has an `explain:` section: attribution statistics, proxies, stability, flip tests. */
  readonly explain?: ExplainSection;
  readonly findings: readonly Finding[];
  /** sha256 of the RFC 8785 form of this verdict without the `digest` member. */
  readonly digest: Digest;
}
