export { runCheck } from './check.ts';
export type { CheckRequest, ColumnOverrides } from './check-request.ts';
export { toolVersion } from './version.ts';
export { testPolicy, validatePolicies, type PolicyTestReport } from './policy-files.ts';
export { openLedger } from './ledger/open.ts';
export type { AppendedEvents, Ledger, OpenLedgerOptions, RecordedEvent } from './ledger/types.ts';
