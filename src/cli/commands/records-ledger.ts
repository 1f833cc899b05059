import { ciContextFromEnv, openLedger, parseTime, type Ledger, type RecordContext, type RemoteContext, type RemoteServer } from '../../app/index.ts';
import { remoteServer } from '../remote.ts';

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

/**
 * One record, on the server named by STEWARD_URL when there is one (with --at only when given, so the server's clock
 * stamps the event otherwise), else on the local ledger.
 */
export async function recordOn<T>(
  options: { store?: string; at?: string },
  local: (ledger: Ledger, context: RecordContext) => Promise<T>,
  remote: (server: RemoteServer, context: RemoteContext) => Promise<T>,
): Promise<T> {
  const server = remoteServer();
  if (server === undefined) return withLedger(options, local);
  const ci = ciContextFromEnv(process.env);
  const at = options.at === undefined ? undefined : parseTime(options.at, '--at');
  return remote(server, { ...(at === undefined ? {} : { at }), ...(ci === undefined ? {} : { ci }) });
}
