import { readFile } from 'node:fs/promises';
import { canonicalJson, digestOf, fail, type Digest } from '../../core/index.ts';
import type { Monitor } from '../../policy/monitor/index.ts';
import type { DriftTest, LearnedBounds } from '../../stats/drift/index.ts';
import { profileFromJson, type ProfileJson } from './profile-json.ts';
import type { DriftProfile, WatchedColumn } from './profile-table.ts';

export const REFERENCE_SCHEMA = 'steward.reference-profile/v1';

/** Learned bounds of one statistic (LearnedBounds without the per-chunk values, which are kept only as a count). */
export interface LearnedJson {
  readonly mean: number;
  readonly sd: number;
  readonly low: number;
  readonly high: number;
  readonly k: number;
  readonly chunks: number;
}

export interface ReferenceColumnJson {
  readonly name: string;
  readonly type: 'number' | 'category';
  readonly profile: ProfileJson;
  /** Present when the monitor learns thresholds: statistic → bounds. */
  readonly learned?: Partial<Record<DriftTest, LearnedJson>>;
}

/** The serialised reference of a monitor: computed once by `steward monitor baseline`, read by every run. */
export interface ReferenceFile {
  readonly schema: typeof REFERENCE_SCHEMA;
  readonly monitor: { readonly name: string; readonly digest: Digest };
  readonly model: string;
  readonly version: string;
  readonly data: { readonly file: string; readonly digest: Digest; readonly rows: number };
  readonly columns: readonly ReferenceColumnJson[];
}

export interface LoadedReference {
  readonly file: string;
  readonly digest: Digest;
  readonly reference: ReferenceFile;
  readonly profiles: ReadonlyMap<string, DriftProfile>;
  readonly columns: readonly WatchedColumn[];
}

/** Deterministic text: RFC 8785 canonical JSON and a final newline, so equal references are equal bytes. */
export function referenceText(reference: ReferenceFile): string {
  return `${canonicalJson(reference)}\n`;
}

export function learnedJson(bounds: LearnedBounds): LearnedJson {
  return { mean: bounds.mean, sd: bounds.sd, low: bounds.low, high: bounds.high, k: bounds.k, chunks: bounds.values.length };
}

/** Reads and checks a reference file against the monitor that will use it. */
export async function loadReference(file: string, monitor: Monitor): Promise<LoadedReference> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return fail(code === 'ENOENT' ? 'INPUT_FILE_NOT_FOUND' : 'INPUT_FILE_UNREADABLE', `${file} cannot be read (${String(code ?? error)})`, { location: { file } });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return fail('MONITOR_INVALID_REFERENCE', `${file} is not JSON: ${(error as Error).message}`, { location: { file }, expected: 'a reference profile written by steward monitor baseline' });
  }
  const reference = parsed as Partial<ReferenceFile> | null;
  if (reference === null || typeof reference !== 'object' || reference.schema !== REFERENCE_SCHEMA || !Array.isArray(reference.columns)) {
    fail('MONITOR_INVALID_REFERENCE', `${file} is not a Steward reference profile`, { location: { file, path: 'schema' }, expected: `"schema": "${REFERENCE_SCHEMA}"` });
  }
  const full = reference as ReferenceFile;
  if (full.monitor.name !== monitor.name) {
    fail('MONITOR_REFERENCE_MISMATCH', `${file} was built for monitor "${full.monitor.name}", not "${monitor.name}"`, { location: { file, path: 'monitor.name' }, expected: monitor.name });
  }
  const byName = new Map(full.columns.map((column) => [column.name, column]));
  if (monitor.columns !== 'infer') {
    for (const column of monitor.columns) {
      const stored = byName.get(column.name);
      if (stored === undefined) fail('MONITOR_REFERENCE_MISMATCH', `${file} has no profile of column "${column.name}"`, { location: { file, path: 'columns' }, expected: 'a reference built with the current monitor', hint: 'rebuild it with steward monitor baseline' });
      if (column.type !== 'infer' && column.type !== stored.type) fail('MONITOR_REFERENCE_MISMATCH', `column "${column.name}" is a ${stored.type} in ${file} but the monitor says ${column.type}`, { location: column.location, expected: stored.type });
    }
  }
  const profiles = new Map<string, DriftProfile>();
  full.columns.forEach((column, index) => {
    const path = `columns[${index}].profile`;
    if (column.profile.kind !== (column.type === 'number' ? 'numeric' : 'categorical')) fail('MONITOR_INVALID_REFERENCE', `${file}: ${path} does not match its column type ${column.type}`, { location: { file, path } });
    profiles.set(column.name, profileFromJson(column.profile, path));
  });
  return { file, digest: digestOf(bytes), reference: full, profiles, columns: full.columns.map(({ name, type }) => ({ name, type })) };
}
