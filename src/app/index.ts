export { runCheck } from './check.ts';
export type { CheckRequest, ColumnOverrides } from './check-request.ts';
export { toolVersion } from './version.ts';
export { testPolicy, validatePolicies, type PolicyTestReport } from './policy-files.ts';
export { openLedger } from './ledger/open.ts';
export type { AppendedEvents, Ledger, OpenLedgerOptions, RecordedEvent } from './ledger/types.ts';
export { ciContextFromEnv } from './records/ci-context.ts';
export { parseTime } from './records/time.ts';
export type { RecordContext, RecordResult } from './records/context.ts';
export { describeDataset, recordDataset, recordDescribedDataset, type DatasetDescription, type DatasetRequest } from './records/record-dataset.ts';
export { recordRun, type RunRequest } from './records/record-run.ts';
export { checkVersionReferences, recordDigestedVersion, recordVersion, type DigestedVersionRequest, type VersionRequest } from './records/record-version.ts';
export { recordDeployment, type DeploymentRequest } from './records/record-deployment.ts';
export { localApprover, recordApproval, type ApprovalRequest } from './records/record-approval.ts';
export { publishPolicy } from './records/publish-policy.ts';
export { ledgerEventSchema } from './ledger/event-schema.ts';
export { recordVerdict, verdictEvent } from './records/record-verdict.ts';
export { readLog, readLineage, readState, exportBom } from './lineage/views.ts';
export type { LogFilter } from './lineage/log-filter.ts';
export type { Lineage } from './lineage/lineage.ts';
export type { StateAt } from './lineage/state.ts';
export type { CycloneDxBom } from './lineage/bom.ts';
export { logLine } from './lineage/describe-event.ts';
export { lineageText, lineageMermaid, lineageJson } from './lineage/render-lineage.ts';
export { stateText } from './lineage/render-state.ts';
export { initLedger } from './ledger/init.ts';
export { verifyBundle } from './ledger/verify-bundle.ts';
export type {
  CheckpointResult,
  ConsistencyProofResult,
  ExportResult,
  InclusionProofResult,
  InitLedgerOptions,
  InitResult,
  LedgerIdentity,
  VerifyFinding,
  VerifyReport,
} from './ledger/types.ts';
export { openTokenRegistry, TokenRegistry } from './tokens/registry.ts';
export type { Authentication, CreatedToken, CreateTokenRequest, OpenTokensOptions, TokenInfo } from './tokens/registry.ts';
export { allows, grants, parseRole, roles, type Permission, type Role } from './tokens/roles.ts';
export { relabelProblem, relabelVerdict } from './remote/relabel.ts';
export { remoteCheck, remoteCheckAndRecord, type RemoteRecorded, type RemoteServer } from './remote/client.ts';
export { explainFilesOf } from './remote/explain-files.ts';
export { remotePublishPolicy, remoteRecordApproval, remoteRecordDataset, remoteRecordDeployment, remoteRecordRun, remoteRecordVersion, type RemoteContext } from './remote/records.ts';
export { remoteBom, remoteCheckpoint, remoteConsistencyProof, remoteExport, remoteInclusionProof, remoteLineage, remoteLog, remoteState, remoteVerify } from './remote/views.ts';
export { remoteCreateToken, remoteListTokens, remoteRevokeToken } from './remote/tokens.ts';
export { datasetVersions, type RecordedDatasetVersion } from './previous-version.ts';
