import { defined, digestOf, type Digest } from '../../core/index.ts';
import { loadMonitor, type Monitor } from '../../policy/monitor/index.ts';
import type { TableFormat } from '../../readers/index.ts';
import { columnDrift, learnThreshold, type DriftTest } from '../../stats/drift/index.ts';
import { digestFile } from '../file-digest.ts';
import { watchedColumns } from './infer-columns.ts';
import { profileToJson } from './profile-json.ts';
import { profileTable, type DriftProfile } from './profile-table.ts';
import { learnedJson, REFERENCE_SCHEMA, referenceText, type ReferenceColumnJson, type ReferenceFile } from './reference.ts';

export interface BaselineRequest {
  readonly monitorFile: string;
  readonly dataFile: string;
  readonly model: string;
  readonly version: string;
  readonly dataFormat?: TableFormat;
  readonly delimiter?: string;
}

export interface BaselineResult {
  readonly monitor: Monitor;
  readonly reference: ReferenceFile;
  /** The file's exact text (canonical JSON + newline) and its digest. */
  readonly text: string;
  readonly digest: Digest;
}

/**
 * `steward monitor baseline`: reads the reference data once into drift profiles of the watched columns and, when
 * the monitor learns thresholds, the statistic of every `chunk_rows` chunk against the whole reference, from which
 * mean ± k·σ bounds are kept. Nothing is written here: the shell writes `text` and may record its digest.
 */
export async function buildBaseline(request: BaselineRequest): Promise<BaselineResult> {
  const monitor = await loadMonitor(request.monitorFile);
  const options = defined({ format: request.dataFormat, delimiter: request.delimiter });
  const columns = await watchedColumns(monitor, request.dataFile, options);
  const dataDigest = digestFile(request.dataFile);
  dataDigest.catch(() => undefined);
  const table = await profileTable(request.dataFile, columns, { ...options, ...(monitor.learn === undefined ? {} : { chunkRows: monitor.learn.chunkRows }) });
  const referenceColumns = columns.map((column): ReferenceColumnJson => {
    const profile = table.profiles.get(column.name) as DriftProfile;
    const chunks = table.chunks.get(column.name) ?? [];
    const learned = monitor.learn === undefined ? undefined : learn(profile, chunks, monitor.bins, monitor.learn.k);
    return { name: column.name, type: column.type, profile: profileToJson(profile), ...(learned === undefined ? {} : { learned }) };
  });
  const reference: ReferenceFile = {
    schema: REFERENCE_SCHEMA,
    monitor: { name: monitor.name, digest: monitor.digest },
    model: request.model,
    version: request.version,
    data: { file: request.dataFile, digest: await dataDigest, rows: table.rows },
    columns: referenceColumns,
  };
  const text = referenceText(reference);
  return { monitor, reference, text, digest: digestOf(text) };
}

/** The distance statistics whose thresholds are learned: PSI and Wasserstein (numeric), Jensen–Shannon (categorical). */
export function learnedTests(profile: DriftProfile): DriftTest[] {
  return profile.kind === 'numeric' ? ['psi', 'wasserstein'] : ['jensen_shannon'];
}

function learn(reference: DriftProfile, chunks: readonly DriftProfile[], bins: number, k: number): ReferenceColumnJson['learned'] {
  const usable = chunks.filter((chunk) => chunk.count > 0);
  if (usable.length < 2 || reference.count === 0) return undefined;
  const learned: Partial<Record<DriftTest, ReturnType<typeof learnedJson>>> = {};
  for (const test of learnedTests(reference)) {
    const bounds = learnThreshold(reference, usable, (ref, chunk) => columnDrift(ref, chunk, { tests: [test], bins }).statistics[0]?.value ?? Number.NaN, k);
    learned[test] = learnedJson(bounds);
  }
  return learned;
}
