import type { Digest, Location, Severity } from '../../core/index.ts';
import type { DriftTest, DriftThresholds } from '../../stats/drift/index.ts';

/** A watched column after defaults: its kind (or `infer`, decided from the reference data) and its own settings. */
export interface MonitorColumn {
  readonly name: string;
  readonly type: 'number' | 'category' | 'infer';
  readonly tests?: readonly DriftTest[];
  readonly thresholds: DriftThresholds;
  readonly severity: Severity;
  readonly location: Location;
}

export type NotifyTarget =
  | { readonly type: 'webhook'; readonly url: string; readonly secretEnv?: string }
  | { readonly type: 'slack'; readonly url: string }
  | { readonly type: 'pagerduty'; readonly url: string; readonly routingKeyEnv: string };

export type RetrainTrigger =
  | { readonly type: 'github'; readonly url: string; readonly tokenEnv: string; readonly eventType: string; readonly on?: readonly string[] }
  | { readonly type: 'gitlab'; readonly url: string; readonly tokenEnv: string; readonly ref: string; readonly on?: readonly string[] };

export interface LabelMetricRule {
  readonly id: string;
  readonly metric: string;
  readonly grouping?: string;
  readonly min?: number;
  readonly max?: number;
  readonly severity: Severity;
  readonly location: Location;
}

export interface MonitorLabels {
  readonly yTrue: string;
  readonly yPred?: string;
  readonly score?: string;
  readonly threshold?: number;
  readonly positiveLabel?: string | number | boolean;
  readonly sensitive: readonly string[];
  readonly minCoverage: number;
  readonly metrics: readonly LabelMetricRule[];
}

export interface MonitorExpressionRule {
  readonly id: string;
  readonly expression: string;
  readonly severity: Severity;
  readonly description?: string;
  readonly location: Location;
  /** Where character i of the expression is written. */
  readonly expressionAt: (index: number) => Location;
}

/** Tumbling windows over ingested decisions: by time (epoch-aligned) or by a number of decisions in arrival order. */
export type MonitorWindow = { readonly kind: 'time'; readonly ms: number; readonly text: string } | { readonly kind: 'count'; readonly size: number };

/** A validated monitor document with every default applied. */
export interface Monitor {
  readonly name: string;
  readonly description?: string;
  readonly file: string;
  readonly digest: Digest;
  readonly model: string;
  readonly window?: MonitorWindow;
  /** The reference profile's path, resolved against the monitor file's folder. */
  readonly reference?: string;
  /** `infer` when the document says `columns: infer`. */
  readonly columns: readonly MonitorColumn[] | 'infer';
  readonly bins: number;
  readonly thresholds: DriftThresholds;
  readonly learn?: { readonly chunkRows: number; readonly k: number };
  readonly fdr?: number;
  readonly driftSeverity: Severity;
  readonly missingRate: { readonly maxChange: number; readonly level: number; readonly severity: Severity };
  readonly newCategories: { readonly maxShare: number; readonly severity: Severity };
  readonly datasetDrift: { readonly share: number; readonly severity: Severity };
  readonly labels?: MonitorLabels;
  readonly rules: readonly MonitorExpressionRule[];
  readonly notify: readonly NotifyTarget[];
  readonly alerting: {
    readonly cooldownMs: number;
    readonly minSeverity: Severity;
    readonly attempts: number;
    readonly backoffMs: number;
    readonly timeoutMs: number;
    /** Later rounds that re-send a retryable failed delivery before it is given up. */
    readonly redeliveries: number;
    readonly redeliverAfterMs: number;
  };
  readonly retrain?: RetrainTrigger;
  readonly location: Location;
}
