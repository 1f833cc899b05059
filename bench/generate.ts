/**
 * Writes the benchmark's evaluation data: `node bench/generate.ts [--rows 10000000] [--seed 20261126]`.
 *
 * Produces, in bench/data/ (gitignored), the candidate evaluation as CSV and Parquet (same rows, 1M-row Parquet row
 * groups) and a 1M-row baseline evaluation from an older model. Both files of one dataset come from a single pass
 * over the generator, so they cannot disagree. Each file is written under a temporary name and renamed when complete:
 * an interrupted run never leaves a file that looks finished.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CsvSink } from './gen/csv-sink.ts';
import { BASELINE, CANDIDATE, allocateChunk, fillChunk, type ModelSettings } from './gen/model.ts';
import { ParquetSink } from './gen/parquet-sink.ts';
import { Prng } from './gen/prng.ts';

export const DATA_DIR = join(import.meta.dirname, 'data');
export const DEFAULT_SEED = 20261126;
export const BASELINE_ROWS = 1_000_000;
/** Rows generated (and held) at a time; also the Parquet row-group size. */
const CHUNK_ROWS = 1_000_000;

export interface DatasetFiles {
  readonly csv: string;
  readonly parquet: string;
}

/** Where the candidate evaluation of `rows` rows lives. */
export function evaluationFiles(rows: number, dir = DATA_DIR): DatasetFiles {
  return { csv: join(dir, `evaluation-${rows}.csv`), parquet: join(dir, `evaluation-${rows}.parquet`) };
}

/** Where the baseline evaluation lives (its size is fixed). */
export function baselineFiles(dir = DATA_DIR): DatasetFiles {
  return { csv: join(dir, `baseline-${BASELINE_ROWS}.csv`), parquet: join(dir, `baseline-${BASELINE_ROWS}.parquet`) };
}

/** Generates `rows` rows from `seed` with `model` into both files of `files`. */
export function generateDataset(files: DatasetFiles, rows: number, seed: number, model: ModelSettings): void {
  const partial = { csv: `${files.csv}.partial`, parquet: `${files.parquet}.partial` };
  const csv = new CsvSink(partial.csv);
  const parquet = new ParquetSink(partial.parquet);
  const prng = new Prng(seed);
  for (let first = 0; first < rows; first += CHUNK_ROWS) {
    const chunk = allocateChunk(Math.min(CHUNK_ROWS, rows - first), first + 1);
    fillChunk(chunk, prng, model);
    csv.write(chunk);
    parquet.write(chunk);
  }
  csv.close();
  parquet.close();
  renameSync(partial.csv, files.csv);
  renameSync(partial.parquet, files.parquet);
}

/**
 * Generates the candidate (`rows`) and baseline datasets; with `onlyMissing`, a dataset whose two files both exist
 * is left as it is (files are only ever complete, see generateDataset). Returns the datasets it wrote.
 */
export function generateAll(rows: number, seed = DEFAULT_SEED, dir = DATA_DIR, onlyMissing = false): string[] {
  mkdirSync(dir, { recursive: true });
  const present = (files: DatasetFiles): boolean => onlyMissing && existsSync(files.csv) && existsSync(files.parquet);
  const written: string[] = [];
  if (!present(evaluationFiles(rows, dir))) {
    generateDataset(evaluationFiles(rows, dir), rows, seed, CANDIDATE);
    written.push(`evaluation (${rows} rows)`);
  }
  if (!present(baselineFiles(dir))) {
    // A different seed: the baseline is another sample of the same population, scored by the older model.
    generateDataset(baselineFiles(dir), BASELINE_ROWS, seed + 1, BASELINE);
    written.push(`baseline (${BASELINE_ROWS} rows)`);
  }
  return written;
}

function main(): void {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '10000000' }, seed: { type: 'string', default: String(DEFAULT_SEED) } },
  });
  const rows = Number(values.rows);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`--rows: expected a positive integer, got ${values.rows}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed: expected an integer, got ${values.seed}`);
  const started = performance.now();
  generateAll(rows, seed);
  console.log(`generated ${rows} rows (+ ${BASELINE_ROWS} baseline) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.main) main();
