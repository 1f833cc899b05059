import type { Ingest } from '../app/decisions/index.ts';
import type { Ledger, TokenRegistry } from '../app/index.ts';

/** Everything a server instance needs; the CLI's `serve` command builds it from flags and the environment. */
export interface ServerOptions {
  /** Bearer-token auth and readiness: the store's token table. */
  readonly tokens: TokenRegistry;
  /** The ledger for the read/audit routes (log, lineage, state, checkpoint, verify, proofs, export). */
  readonly ledger: Ledger;
  /** Decision ingest (queue size, group size); default one over `ledger` with the default limits. */
  readonly ingest?: Ingest;
  /** Largest accepted upload per file, in bytes (evaluation data can be large; it is streamed to disk). */
  readonly maxUploadBytes?: number;
  /** Where uploads are written while a check runs; default the OS temporary folder. */
  readonly tempDir?: string;
  /** Log level (pino); default `info`. */
  readonly logLevel?: string;
  /** Where JSON log lines go; default standard output. Tests capture them here. */
  readonly logStream?: NodeJS.WritableStream;
  /**
   * Background work started once the server is ready and stopped (awaited) when it closes — the monitor schedule of
   * `serve --monitor`. Given the server's logger.
   */
  readonly background?: (log: (message: string, fields: Record<string, unknown>) => void) => { start(): void; stop(): Promise<void> };
  /** Origins (`http://model:8080`) a check's flip test may call (`serve --allow-endpoint`); default none (SSRF). */
  readonly allowedEndpoints?: readonly string[];
  /** The clock for token expiry and waiver judgement; default `new Date()`. */
  readonly now?: () => Date;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
