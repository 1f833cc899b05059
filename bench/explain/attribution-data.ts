import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { DATA_DIR } from '../generate.ts';
import { CANDIDATE, allocateChunk, fillChunk, type Chunk } from '../gen/model.ts';
import { Prng } from '../gen/prng.ts';

/**
 * The attributions file aligned with the release-gate benchmark's evaluation file: one row per evaluation row, in the
 * same order (alignment by position), one column per feature f1–f5, as SHAP writes them. The rows are regenerated
 * from the same seed and model through the same generator (bench/gen/model.ts), so row i here explains row i there.
 *
 * The values are the exact SHAP values of the linear part of the generator's true logit (for a linear model,
 * SHAP_f = w_f · (g_f(x) − E[g_f(x)])), rounded to 6 decimals so the CSV and Parquet files hold the same numbers.
 */

/** Rows generated at a time: must equal bench/generate.ts's chunk so the PRNG stream is consumed identically. */
const CHUNK_ROWS = 1_000_000;
export const ATTRIBUTION_FEATURES = ['f1', 'f2', 'f3', 'f4', 'f5'] as const;

export interface AttributionFiles {
  readonly csv: string;
  readonly parquet: string;
}

export function attributionFiles(rows: number, dir = DATA_DIR): AttributionFiles {
  return { csv: join(dir, `attributions-${rows}.csv`), parquet: join(dir, `attributions-${rows}.parquet`) };
}

/** Expectations of each transformed feature under the generator's distributions (see bench/gen/model.ts). */
const MEAN_AGE = 0.35 + 2 * 0.32 + 3 * 0.18;
const MEAN_F4 = 0.22 + 2 * 0.24 + 3 * 0.18 + 4 * 0.12 + 5 * 0.07 + 6 * 0.05;
const SHAP: readonly ((chunk: Chunk, i: number) => number)[] = [
  (c, i) => 1.1 * ((c.f1[i] as number) - 0.3 * (MEAN_AGE - 1.5)),
  (c, i) => -0.6 * (Math.log(c.f2[i] as number) - 8),
  (c, i) => -1.2 * ((c.f3[i] as number) - 0.5),
  (c, i) => 0.15 * ((c.f4[i] as number) - MEAN_F4),
  (c, i) => 0.35 * ((c.f5[i] as number) - (0.3 * -1 + 0.7 * 2)),
];

/** Writes both attribution files for the evaluation of `rows` rows from `seed`, unless both exist. */
export function generateAttributions(rows: number, seed: number, dir = DATA_DIR): boolean {
  const files = attributionFiles(rows, dir);
  if (existsSync(files.csv) && existsSync(files.parquet)) return false;
  const partial = { csv: `${files.csv}.partial`, parquet: `${files.parquet}.partial` };
  const fd = openSync(partial.csv, 'w');
  writeSync(fd, `id,${ATTRIBUTION_FEATURES.join(',')}\n`);
  const parquet = new ParquetWriter({ writer: fileWriter(partial.parquet), schema: SCHEMA, createdBy: 'steward bench/explain' });
  const prng = new Prng(seed);
  for (let first = 0; first < rows; first += CHUNK_ROWS) {
    const chunk = allocateChunk(Math.min(CHUNK_ROWS, rows - first), first + 1);
    fillChunk(chunk, prng, CANDIDATE);
    const columns = SHAP.map((shap) => Float64Array.from({ length: chunk.rows }, (_, i) => Math.round(shap(chunk, i) * 1e6) / 1e6));
    let text = '';
    for (let i = 0; i < chunk.rows; i++) {
      text += `${chunk.firstId + i},${columns.map((column) => String(column[i])).join(',')}\n`;
      if (text.length >= 1 << 20) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
    const done = parquet.write({
      rowGroupSize: chunk.rows,
      columnData: [
        { name: 'id', data: Int32Array.from({ length: chunk.rows }, (_, i) => chunk.firstId + i) },
        ...ATTRIBUTION_FEATURES.map((name, f) => ({ name, data: columns[f] as Float64Array })),
      ],
    });
    if (done !== undefined) throw new Error('hyparquet-writer returned a pending write; bench/explain assumes sync');
  }
  closeSync(fd);
  if (parquet.finish() !== undefined) throw new Error('hyparquet-writer returned a pending finish; bench/explain assumes sync');
  renameSync(partial.csv, files.csv);
  renameSync(partial.parquet, files.parquet);
  return true;
}

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];
const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 1 + ATTRIBUTION_FEATURES.length },
  { name: 'id', type: 'INT32', repetition_type: 'REQUIRED' },
  ...ATTRIBUTION_FEATURES.map((name): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'REQUIRED' })),
];
