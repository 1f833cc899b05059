import { readFile } from 'node:fs/promises';
import { fail, type ApprovalEvent, type DatasetEvent, type DeploymentEvent, type PolicyEvent, type RunEvent, type VersionEvent } from '../../core/index.ts';
import type { RecordContext, RecordResult } from '../records/context.ts';
import { describeDataset, type DatasetRequest } from '../records/record-dataset.ts';
import type { ApprovalRequest } from '../records/record-approval.ts';
import type { DeploymentRequest } from '../records/record-deployment.ts';
import type { RunRequest } from '../records/record-run.ts';
import type { VersionRequest } from '../records/record-version.ts';
import { digestPath, type ByteProgress } from '../records/path-digest.ts';
import { parseModelVersion } from '../records/refs.ts';
import { call, type RemoteServer } from './client.ts';

/**
 * The record use cases, run by a server: files are digested here (the data never travels, and a server never reads a
 * path it is sent), references are checked there against the shared log. Each returns what the local use case
 * returns. `at` is sent only when the caller chose it (--at); otherwise the server's clock stamps the event.
 */
export async function remoteRecordDataset(server: RemoteServer, request: DatasetRequest, context: RemoteContext, onProgress?: ByteProgress): Promise<RecordResult<DatasetEvent>> {
  const description = await describeDataset(request, onProgress);
  return (await call(server, 'POST', '/v1/records/datasets', { ...description, ...contextFields(context) })) as RecordResult<DatasetEvent>;
}

export async function remoteRecordRun(server: RemoteServer, request: RunRequest, context: RemoteContext): Promise<RecordResult<RunEvent>> {
  return (await call(server, 'POST', '/v1/records/runs', { ...request, ...contextFields(context) })) as RecordResult<RunEvent>;
}

export async function remoteRecordVersion(server: RemoteServer, request: VersionRequest, context: RemoteContext, onProgress?: ByteProgress): Promise<RecordResult<VersionEvent>> {
  parseModelVersion(request.ref); // a malformed reference fails before the artifact is read, as locally
  const artifact = await digestPath(request.artifact, onProgress);
  const body = { ref: request.ref, artifact: { digest: artifact.digest, bytes: artifact.bytes, path: request.artifact }, ...(request.run === undefined ? {} : { run: request.run }) };
  return (await call(server, 'POST', '/v1/records/versions', { ...body, ...contextFields(context) })) as RecordResult<VersionEvent>;
}

export async function remoteRecordDeployment(server: RemoteServer, request: DeploymentRequest, context: RemoteContext): Promise<RecordResult<DeploymentEvent>> {
  return (await call(server, 'POST', '/v1/records/deployments', { ...request, ...contextFields(context) })) as RecordResult<DeploymentEvent>;
}

/** `steward approve` on a server: the server records the approval under its caller's token name, so none is sent. */
export async function remoteRecordApproval(server: RemoteServer, request: Omit<ApprovalRequest, 'approver'>, context: RemoteContext): Promise<RecordResult<ApprovalEvent>> {
  parseModelVersion(request.ref); // a malformed reference fails here, as locally, before anything is sent
  return (await call(server, 'POST', '/v1/approvals', { ...request, ...contextFields(context) })) as RecordResult<ApprovalEvent>;
}

export async function remotePublishPolicy(server: RemoteServer, file: string, context: RemoteContext): Promise<RecordResult<PolicyEvent>> {
  const content = await readUserText(file);
  return (await call(server, 'POST', '/v1/policies', { name: file, content, ...contextFields(context) })) as RecordResult<PolicyEvent>;
}

/** A record's context as a client sends it: the time only when the user chose one. */
export interface RemoteContext extends Partial<Pick<RecordContext, 'at'>> {
  readonly ci?: RecordContext['ci'];
}

function contextFields(context: RemoteContext): { at?: string; ci?: RecordContext['ci'] } {
  return { ...(context.at === undefined ? {} : { at: context.at.toISOString() }), ...(context.ci === undefined ? {} : { ci: context.ci }) };
}

/** The policy file's text; a missing or unreadable file is the same coded error a local publish raises. */
async function readUserText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') fail('INPUT_FILE_NOT_FOUND', `${file} does not exist`, { location: { file } });
    fail('INPUT_FILE_UNREADABLE', `${file} cannot be read (${String(code ?? error)})`, { location: { file } });
  }
}
