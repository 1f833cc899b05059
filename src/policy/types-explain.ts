import type { Location, Severity } from '../core/index.ts';

/** A table file named in the policy (path resolved against the policy's folder) or on the command line. */
export interface ExplainFile {
  readonly file: string;
  readonly format?: 'csv' | 'jsonl' | 'parquet';
}

export interface ProxyThresholdSettings {
  readonly cramersV?: number;
  readonly correlationRatio?: number;
  readonly normalizedMutualInformation?: number;
  readonly biasCorrected: boolean;
}

/** How to reach the served model for black-box tests; `url` may come from --endpoint instead. */
export interface EndpointSettings {
  readonly url?: string;
  readonly protocol: 'plain' | 'kserve-v2';
  readonly instanceFormat?: 'array' | 'object';
  readonly v2Layout?: 'matrix' | 'columns';
  readonly outputIndex?: number;
  readonly threshold: number;
  readonly batchSize?: number;
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  readonly retries?: number;
  readonly sample: number;
  readonly swapProxies: boolean;
}

/** The policy's `explain:` section with defaults applied. */
export interface ExplainPolicy {
  /** Model input features in endpoint order, each read as number or category. */
  readonly features: readonly { readonly name: string; readonly kind: 'number' | 'category' }[];
  readonly protected: readonly string[];
  readonly proxies: readonly string[];
  readonly proxyThresholds: ProxyThresholdSettings;
  readonly attributions?: ExplainFile & { readonly idColumn?: string; readonly evaluationIdColumn?: string };
  readonly importanceBaseline?: ExplainFile & { readonly featureColumn?: string; readonly importanceColumn?: string };
  readonly topK: number;
  readonly endpoint: EndpointSettings;
}

/** No top-k feature may be a proxy of a sensitive column (thresholds strict, as detectProxies applies them). */
export interface ProxyRule {
  readonly kind: 'proxy';
  readonly id: string;
  readonly description?: string;
  readonly severity: Severity;
  readonly location: Location;
  readonly origin: string;
  readonly topK?: number;
  readonly thresholds: ProxyThresholdSettings;
}

/** What an `explain.*` metric rests on; a check without that input decides the rule as insufficient evidence. */
export type ExplainNeed = 'attributions' | 'importance_baseline' | 'endpoint';

export interface ExplainMetricInfo {
  readonly name: string;
  readonly needs: ExplainNeed;
  /** Whether `scope: every_group` is meaningful (a value per group of each sensitive column). */
  readonly perGroup: boolean;
  readonly description: string;
}
