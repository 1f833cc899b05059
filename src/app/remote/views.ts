import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fail } from '../../core/index.ts';
import { parseCheckpoint } from '../../ledger/index.ts';
import type { CheckpointResult, ConsistencyProofResult, ExportResult, InclusionProofResult, RecordedEvent, VerifyReport } from '../ledger/types.ts';
import type { CycloneDxBom } from '../lineage/bom.ts';
import type { Lineage } from '../lineage/lineage.ts';
import type { LogFilter } from '../lineage/log-filter.ts';
import type { StateAt } from '../lineage/state.ts';
import { parseModelVersion } from '../records/refs.ts';
import { call, callText, type RemoteServer } from './client.ts';

/**
 * The ledger's read side and proofs, answered by a server: each returns what the local use case or Ledger method
 * returns, so the CLI renders it the same way. References are parsed here first, so a malformed one fails as locally.
 */
export async function remoteLog(server: RemoteServer, filter: LogFilter): Promise<RecordedEvent[]> {
  const query = new URLSearchParams();
  if (filter.kind !== undefined) query.set('kind', filter.kind);
  if (filter.model !== undefined) query.set('model', filter.model);
  if (filter.since !== undefined) query.set('since', filter.since.toISOString());
  if (filter.until !== undefined) query.set('until', filter.until.toISOString());
  const text = query.toString();
  return ((await call(server, 'GET', `/v1/log${text === '' ? '' : `?${text}`}`)) as { events: RecordedEvent[] }).events;
}

export async function remoteLineage(server: RemoteServer, ref: string): Promise<Lineage> {
  parseModelVersion(ref);
  return (await call(server, 'GET', `/v1/lineage/${encodeURIComponent(ref)}`)) as Lineage;
}

export async function remoteState(server: RemoteServer, at: Date): Promise<StateAt> {
  return (await call(server, 'GET', `/v1/state?at=${encodeURIComponent(at.toISOString())}`)) as StateAt;
}

export async function remoteBom(server: RemoteServer, ref: string): Promise<CycloneDxBom> {
  parseModelVersion(ref);
  return (await call(server, 'GET', `/v1/bom/${encodeURIComponent(ref)}`)) as CycloneDxBom;
}

export async function remoteCheckpoint(server: RemoteServer): Promise<CheckpointResult & { verifierKey?: string }> {
  return (await call(server, 'GET', '/v1/checkpoint')) as CheckpointResult & { verifierKey?: string };
}

export async function remoteVerify(server: RemoteServer): Promise<VerifyReport> {
  return (await call(server, 'GET', '/v1/verify')) as VerifyReport;
}

export async function remoteInclusionProof(server: RemoteServer, target: number | string): Promise<InclusionProofResult> {
  return (await call(server, 'GET', `/v1/proofs/inclusion/${encodeURIComponent(String(target))}`)) as InclusionProofResult;
}

export async function remoteConsistencyProof(server: RemoteServer, first: number, second?: number): Promise<ConsistencyProofResult> {
  return (await call(server, 'GET', `/v1/proofs/consistency?first=${first}${second === undefined ? '' : `&second=${second}`}`)) as ConsistencyProofResult;
}

/**
 * `steward export` against a server: the bundle is written to `path` here (to a temporary sibling first, so a failure
 * leaves nothing half-written, as locally). The summary a local export returns is read back from the bundle's header:
 * its size and the signed checkpoint of that size.
 */
export async function remoteExport(server: RemoteServer, path: string): Promise<ExportResult> {
  const bundle = await callText(server, 'GET', '/v1/export');
  const header = JSON.parse(bundle.slice(0, bundle.indexOf('\n'))) as { size: number; checkpoints: string[] };
  const text = header.checkpoints.findLast((note) => parseCheckpoint(note).checkpoint.size === header.size);
  if (text === undefined) fail('LEDGER_MALFORMED_BUNDLE', `the server's bundle has no checkpoint of its size ${header.size}`);
  const { origin, size, root } = parseCheckpoint(text).checkpoint;
  const temp = `${path}.tmp-${process.pid}`;
  try {
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFile(temp, bundle);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    fail('INPUT_OUTPUT_UNWRITABLE', `cannot write the bundle ${path}: ${(error as Error).message}`, { location: { file: path } });
  }
  return { path, size: header.size, checkpoint: { origin, size, root: Buffer.from(root).toString('hex'), text } };
}
