import { fail, type DeploymentEvent } from '../../core/index.ts';
import { versionKey, type Catalog } from '../lineage/catalog.ts';
import type { Ledger } from '../ledger/types.ts';
import { appendOne, eventBase, readCatalog, type RecordContext, type RecordResult } from './context.ts';
import { parseModelVersion } from './refs.ts';

export interface DeploymentRequest {
  /** `model@version`. */
  readonly ref: string;
  readonly environment: string;
}

/** `steward record deployment`: a recorded version goes live in an environment (replacing what was live there). */
export async function recordDeployment(ledger: Ledger, request: DeploymentRequest, context: RecordContext): Promise<RecordResult<DeploymentEvent>> {
  const { model, version } = parseModelVersion(request.ref);
  if (request.environment.trim() === '' || /\s/.test(request.environment)) {
    fail('RECORD_INVALID_REFERENCE', `environment ${JSON.stringify(request.environment)} cannot be used`, { expected: 'a name without spaces, e.g. production' });
  }
  requireVersion(await readCatalog(ledger), model, version);
  return appendOne(ledger, { ...eventBase(context), type: 'deployment', model, version, environment: request.environment });
}

/** RECORD_UNKNOWN_VERSION, naming the versions of that model that do exist. */
export function requireVersion(catalog: Catalog, model: string, version: string): void {
  if (catalog.versions.has(versionKey(model, version))) return;
  const known = [...catalog.versions.values()].filter((record) => record.event.model === model).map((record) => record.event.version);
  fail('RECORD_UNKNOWN_VERSION', `${model}@${version} was never recorded`, {
    expected: known.length === 0 ? `a recorded version of ${model} (none yet)` : `one of: ${known.join(', ')}`,
    hint: `record it first: steward record version ${model}@${version} --artifact <path>`,
  });
}
