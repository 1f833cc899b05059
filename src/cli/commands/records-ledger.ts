import { ciContextFromEnv, openLedger, parseTime, type Ledger, type RecordContext } from '../../app/index.ts';

/**
 * Opens the ledger named by --store, runs one record with the time (--at, else now) and the CI context read from
 * this process's environment, and closes the ledger whatever happens.
 */
export async function withLedger<T>(options: { store?: string; at?: string }, run: (ledger: Ledger, context: RecordContext) => Promise<T>): Promise<T> {
  const at = options.at === undefined ? new Date() : parseTime(options.at, '--at');
  const ci = ciContextFromEnv(process.env);
  const ledger = await openLedger(options.store === undefined ? {} : { store: options.store });
  try {
    return await run(ledger, ci === undefined ? { at } : { at, ci });
  } finally {
    await ledger.close();
  }
}
