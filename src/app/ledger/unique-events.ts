import { fail, isStewardError, type LedgerEvent } from '../../core/index.ts';

/**
 * The events recorded once per subject: a run id and a model version are immutable names, so a second record of
 * either is refused. The store checks this inside the append transaction, so two writers racing on one name cannot
 * both succeed (the record use cases' earlier catalog check only gives the friendlier message first).
 * The store's migration 5 backfills exactly these kinds: adding one here needs a migration that backfills it.
 */
const UNIQUE_TYPES: ReadonlySet<string> = new Set(['run', 'version']);

export function isUniqueEvent(event: LedgerEvent): boolean {
  return UNIQUE_TYPES.has(event.type);
}

/** The store's STORE_DUPLICATE_SUBJECT as the records' RECORD_DUPLICATE; anything else is rethrown as it is. */
export function asRecordDuplicate(error: unknown): never {
  if (!isStewardError(error) || error.code !== 'STORE_DUPLICATE_SUBJECT') throw error;
  const { kind, subject, holder } = error as unknown as { kind: string; subject: string; holder: number | undefined };
  const name = kind === 'run' ? `run ${subject.replace(/^run:/, '')}` : subject;
  fail('RECORD_DUPLICATE', `${name} was already recorded (${holder === undefined ? 'twice in this append' : `event #${holder}`})`, {
    hint: kind === 'run' ? 'use a new run id' : 'record the new build under a new version',
  });
}
