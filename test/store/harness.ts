/** One store implementation as the conformance suite sees it (like kysely's per-dialect test loop). */
export interface StoreHarness {
  readonly dialect: 'sqlite' | 'postgres';
  /** The address of a new, empty store, for one test. */
  freshUrl(): Promise<string>;
  /** Runs raw SQL on the store at `url` (to inspect or tamper with it), with `?` placeholders rewritten per dialect. */
  sql(url: string, text: string, values?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}
