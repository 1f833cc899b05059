import { fail, type VersionEvent } from '../../core/index.ts';
import { versionKey } from '../lineage/catalog.ts';
import type { Ledger } from '../ledger/types.ts';
import { appendOne, eventBase, readCatalog, type RecordContext, type RecordResult } from './context.ts';
import { digestPath, type ByteProgress } from './path-digest.ts';
import { parseModelVersion } from './refs.ts';

export interface VersionRequest {
  /** `model@version`. */
  readonly ref: string;
  /** The model artifact: a file or a directory (hashed as a Merkle tree of its files). */
  readonly artifact: string;
  readonly run?: string;
}

/** A version whose artifact was digested already (by a client that holds the file, or by recordVersion). */
export interface DigestedVersionRequest {
  readonly ref: string;
  readonly artifact: VersionEvent['artifact'];
  readonly run?: string;
}

/**
 * `steward record version`: a model build and its artifact digest. The version must be new (versions are
 * immutable) and the run, when named, must have been recorded. References are checked before the artifact is
 * read, so a bad reference fails fast and nothing is appended.
 */
export async function recordVersion(ledger: Ledger, request: VersionRequest, context: RecordContext, onProgress?: ByteProgress): Promise<RecordResult<VersionEvent>> {
  await checkVersionReferences(ledger, request);
  const artifact = await digestPath(request.artifact, onProgress);
  const run = request.run;
  return recordDigestedVersion(ledger, { ref: request.ref, artifact: { digest: artifact.digest, bytes: artifact.bytes, path: request.artifact }, ...(run === undefined ? {} : { run }) }, context);
}

/**
 * Appends a version whose artifact digest is known. The references are checked (again, for recordVersion: another
 * writer may have recorded the same version while the artifact was read).
 */
export async function recordDigestedVersion(ledger: Ledger, request: DigestedVersionRequest, context: RecordContext): Promise<RecordResult<VersionEvent>> {
  const { model, version } = await checkVersionReferences(ledger, request);
  const event: VersionEvent = {
    ...eventBase(context),
    type: 'version',
    model,
    version,
    artifact: request.artifact,
    ...(request.run === undefined ? {} : { run: request.run }),
  };
  return appendOne(ledger, event);
}

/** RECORD_DUPLICATE for a version recorded before, RECORD_UNKNOWN_RUN for a run never recorded. */
export async function checkVersionReferences(ledger: Ledger, request: { readonly ref: string; readonly run?: string }): Promise<{ model: string; version: string }> {
  const { model, version } = parseModelVersion(request.ref);
  const catalog = await readCatalog(ledger);
  const existing = catalog.versions.get(versionKey(model, version));
  if (existing !== undefined) {
    fail('RECORD_DUPLICATE', `${model}@${version} was already recorded (event #${existing.index}, artifact ${existing.event.artifact.digest})`, {
      hint: 'record the new build under a new version',
    });
  }
  if (request.run !== undefined && !catalog.runs.has(request.run)) {
    fail('RECORD_UNKNOWN_RUN', `run "${request.run}" was never recorded`, { hint: `record it first: steward record run --id ${request.run} --dataset <name>` });
  }
  return { model, version };
}
