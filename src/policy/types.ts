import type { Aggregation, Bound, Digest, Location, Severity, Task, WaiverRef } from '../core/index.ts';
import type { DataRule, DatasetMapping } from './types-data.ts';
import type { ExplainPolicy, ProxyRule } from './types-explain.ts';

export type * from './types-data.ts';
export type * from './types-explain.ts';

/** The column mapping of a policy (`data:`), with defaults applied. Flags at the call site may override it. */
export interface DataMapping {
  readonly task: Task;
  readonly yTrue?: string;
  readonly yPred?: string;
  readonly score?: string;
  readonly threshold?: number;
  /** Declared sensitive columns, in policy order (intersection keys follow this order). */
  readonly sensitive: readonly string[];
  readonly weight?: string;
  readonly positiveLabel?: string;
  readonly labels?: readonly string[];
}

export interface PolicySettings {
  readonly minGroupSize: number;
  readonly confidence: number;
  readonly failOn: 'point' | 'interval';
  readonly insufficientEvidence: 'warn' | 'fail';
  readonly seed: number;
  readonly bootstrapSamples: number;
  readonly intersections: boolean;
  readonly referenceGroups: Readonly<Record<string, string>>;
}

export const defaultSettings: PolicySettings = {
  minGroupSize: 30,
  confidence: 0.95,
  failOn: 'point',
  insufficientEvidence: 'warn',
  seed: 0,
  bootstrapSamples: 1000,
  intersections: true,
  referenceGroups: {},
};

interface RuleBase {
  readonly id: string;
  readonly description?: string;
  readonly severity: Severity;
  /** The rule's `- id` item, or for pack rules the `extends:` entry that brought it in. */
  readonly location: Location;
  /** `policy`, or the pack it came from (`steward:four-fifths`). */
  readonly origin: string;
}

/** A grouping: the sensitive columns a set of groups is defined by, in policy order (`[race]`, `[race, sex]`). */
export type Grouping = readonly string[];

export interface MetricRule extends RuleBase {
  readonly kind: 'metric';
  readonly metric: string;
  readonly scope: 'overall' | 'every_group';
  /** For scope every_group: the groupings whose groups are checked. */
  readonly groupings: readonly Grouping[];
  readonly bound: Bound;
}

export interface DisparityRule extends RuleBase {
  readonly kind: 'disparity';
  readonly metric: string;
  readonly aggregation: Aggregation;
  readonly groupings: readonly Grouping[];
  readonly bound: Bound;
}

export interface BaselineRule extends RuleBase {
  readonly kind: 'baseline';
  readonly metric: string;
  readonly maxDrop: number;
  readonly relative: boolean;
  readonly scope: 'overall' | 'every_group';
  readonly groupings: readonly Grouping[];
}

export interface DocumentationRule extends RuleBase {
  readonly kind: 'documentation';
  readonly required: readonly string[];
}

export interface ExpressionRule extends RuleBase {
  readonly kind: 'expression';
  readonly expression: string;
}

export type ModelRule = MetricRule | DisparityRule | BaselineRule | DocumentationRule | ExpressionRule | ProxyRule;

/** Model rules, and the data rules of dataset policies (types-data.ts). Expression rules serve both. */
export type PolicyRule = ModelRule | DataRule;

/** A loaded, validated policy: packs merged, defaults applied, every rule located in its file. */
export interface Policy {
  readonly name: string;
  readonly description?: string;
  /** The path as the user gave it. */
  readonly file: string;
  /** sha256 of the file bytes. */
  readonly digest: Digest;
  readonly model?: string;
  readonly extends: readonly string[];
  readonly data: DataMapping;
  /** Present for a dataset policy (`data.task: dataset`): the check reads training data, not predictions. */
  readonly dataset?: DatasetMapping;
  readonly settings: PolicySettings;
  /** The `explain:` section: features, protected features, proxies, explainability inputs. */
  readonly explain?: ExplainPolicy;
  readonly rules: readonly PolicyRule[];
}

/** A waiver as loaded from a waivers file, with where it was written. */
export interface Waiver extends WaiverRef {
  readonly location?: Location;
}
