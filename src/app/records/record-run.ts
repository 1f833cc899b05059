import { fail, type Digest, type RunEvent } from '../../core/index.ts';
import type { Catalog } from '../lineage/catalog.ts';
import type { Ledger } from '../ledger/types.ts';
import { appendOne, eventBase, readCatalog, type RecordContext, type RecordResult } from './context.ts';
import { parseDatasetRef, parseParams } from './refs.ts';

export interface RunRequest {
  readonly id: string;
  readonly model?: string;
  /** `name` (its latest recorded content) or `name@sha256:…` (one recorded content). */
  readonly datasets: readonly string[];
  /** The training code's commit; default: the CI context's commit, when there is one. */
  readonly commit?: string;
  /** `key=value` strings. */
  readonly params?: readonly string[];
}

/**
 * `steward record run`: a training run with its inputs. Every dataset must have been recorded (each is pinned to
 * its digest in the event, so later records of the same name do not change this run's lineage); a run id is
 * recorded once. Nothing is appended when any of this fails.
 */
export async function recordRun(ledger: Ledger, request: RunRequest, context: RecordContext): Promise<RecordResult<RunEvent>> {
  if (request.id.trim() === '' || /\s/.test(request.id)) {
    fail('RECORD_INVALID_REFERENCE', `run id ${JSON.stringify(request.id)} cannot be used`, { expected: 'a non-empty id without spaces' });
  }
  const params = parseParams(request.params ?? []);
  const catalog = await readCatalog(ledger);
  if (catalog.runs.has(request.id)) {
    fail('RECORD_DUPLICATE', `run ${request.id} was already recorded (event #${catalog.runs.get(request.id)?.index ?? '?'})`, { hint: 'use a new run id' });
  }
  const datasets = request.datasets.map((text) => resolveDataset(catalog, text));
  const repository = context.ci?.repository;
  const commit = request.commit ?? context.ci?.commit;
  const code = { ...(repository === undefined ? {} : { repository }), ...(commit === undefined ? {} : { commit }) };
  const event: RunEvent = {
    ...eventBase(context),
    type: 'run',
    id: request.id,
    ...(request.model === undefined ? {} : { model: request.model }),
    datasets,
    ...(Object.keys(code).length === 0 ? {} : { code }),
    ...(Object.keys(params).length === 0 ? {} : { params }),
  };
  return appendOne(ledger, event);
}

/** A dataset reference → the recorded name and digest it means (the latest content when no digest is given). */
export function resolveDataset(catalog: Catalog, text: string): { name: string; digest: Digest } {
  const ref = parseDatasetRef(text);
  const records = catalog.datasets.get(ref.name) ?? [];
  const known = [...catalog.datasets.keys()];
  const latest = records.at(-1);
  if (latest === undefined) {
    fail('RECORD_UNKNOWN_DATASET', `dataset "${ref.name}" was never recorded`, {
      expected: known.length === 0 ? 'a recorded dataset (none yet)' : `one of: ${known.join(', ')}`,
      hint: `record it first: steward record dataset <path> --name ${ref.name}`,
    });
  }
  if (ref.digest === undefined) return { name: ref.name, digest: latest.event.digest };
  if (!records.some((record) => record.event.digest === ref.digest)) {
    fail('RECORD_UNKNOWN_DATASET', `dataset "${ref.name}" was never recorded with digest ${ref.digest}`, {
      expected: `one of: ${[...new Set(records.map((record) => record.event.digest))].join(', ')}`,
    });
  }
  return { name: ref.name, digest: ref.digest };
}
