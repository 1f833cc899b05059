import type { TableFormat } from '../readers/index.ts';
import type { ExplainOverrides } from './explain/check-explain.ts';
import type { RecordedDatasetVersion } from './previous-version.ts';

/** Column mapping overrides given on the command line (or in an API request); they win over the policy's `data:`. */
export interface ColumnOverrides {
  readonly yTrue?: string;
  readonly yPred?: string;
  readonly score?: string;
  readonly threshold?: number;
  readonly sensitive?: readonly string[];
  readonly weight?: string;
  readonly positiveLabel?: string;
}

/** Everything one `steward check` needs. Paths are as the user gave them; `now` is passed in, never read here. */
export interface CheckRequest {
  readonly policyFile: string;
  readonly dataFile: string;
  readonly dataFormat?: TableFormat;
  readonly delimiter?: string;
  readonly baselineFile?: string;
  readonly modelCardFile?: string;
  readonly waiversFile?: string;
  /** `name` or `name@version`; the model name defaults to the policy's `model:`. */
  readonly model?: string;
  readonly columns?: ColumnOverrides;
  readonly seed?: number;
  /** Explainability inputs (--attributions, --importance-baseline, --endpoint); they win over the policy's explain:. */
  readonly explain?: ExplainOverrides;
  /**
   * Called with the endpoint URL in effect before a flip test calls it (before any data is read); throws to refuse.
   * A server uses it so a client's policy or --endpoint cannot make it call an arbitrary address (SSRF).
   */
  readonly guardEndpoint?: (url: string) => void;
  readonly now: Date;
  readonly onProgress?: (file: string, bytesRead: number, totalBytes: number) => void;
  /** Dataset checks with a previous_version rule: the recorded versions of a dataset, oldest first (from the ledger). */
  readonly datasetVersions?: (name: string) => Promise<readonly RecordedDatasetVersion[]>;
}
