import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { AGE_BANDS, RACES, SEXES, type Chunk } from './model.ts';

/**
 * Streams generated rows to a Parquet file, one row group per chunk. hyparquet-writer's `ParquetWriter` accepts
 * `write()` calls one after the other and its `fileWriter` flushes to disk every ~1 MB, so only the current chunk is
 * ever in memory; the footer (row-group metadata, a few KB) is written by `close()`. Categorical columns are strings
 * (dictionary-encoded by the writer), numbers are INT32 or DOUBLE, all REQUIRED; compression is Snappy.
 */
export class ParquetSink {
  readonly #writer: ParquetWriter;

  constructor(path: string) {
    this.#writer = new ParquetWriter({ writer: fileWriter(path), schema: SCHEMA, createdBy: 'steward bench/generate.ts' });
  }

  write(chunk: Chunk): void {
    const ids = new Int32Array(chunk.rows);
    for (let i = 0; i < chunk.rows; i++) ids[i] = chunk.firstId + i;
    const labels = (codes: Uint8Array, values: readonly string[]): string[] =>
      Array.from(codes, (code) => values[code] ?? '');
    const done = this.#writer.write({
      rowGroupSize: chunk.rows,
      columnData: [
        { name: 'id', data: ids },
        { name: 'y_true', data: chunk.yTrue },
        { name: 'y_pred', data: chunk.yPred },
        { name: 'score', data: chunk.score },
        { name: 'race', data: labels(chunk.race, RACES) },
        { name: 'sex', data: labels(chunk.sex, SEXES) },
        { name: 'age_band', data: labels(chunk.ageBand, AGE_BANDS) },
        { name: 'f1', data: chunk.f1 },
        { name: 'f2', data: chunk.f2 },
        { name: 'f3', data: chunk.f3 },
        { name: 'f4', data: chunk.f4 },
        { name: 'f5', data: chunk.f5 },
      ],
    });
    // The node file writer flushes synchronously, so write() never returns a promise here; guard the assumption.
    if (done !== undefined) throw new Error('hyparquet-writer returned a pending write; bench/gen/parquet-sink.ts assumes sync');
  }

  close(): void {
    const done = this.#writer.finish();
    if (done !== undefined) throw new Error('hyparquet-writer returned a pending finish; bench/gen/parquet-sink.ts assumes sync');
  }
}

/** hyparquet-writer's own schema element type (it bundles its own copy of hyparquet's types). */
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

const required = (name: string, type: 'INT32' | 'DOUBLE' | 'BYTE_ARRAY'): SchemaElement =>
  type === 'BYTE_ARRAY'
    ? { name, type, converted_type: 'UTF8', repetition_type: 'REQUIRED' }
    : { name, type, repetition_type: 'REQUIRED' };

const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 12 },
  required('id', 'INT32'),
  required('y_true', 'INT32'),
  required('y_pred', 'INT32'),
  required('score', 'DOUBLE'),
  required('race', 'BYTE_ARRAY'),
  required('sex', 'BYTE_ARRAY'),
  required('age_band', 'BYTE_ARRAY'),
  required('f1', 'DOUBLE'),
  required('f2', 'DOUBLE'),
  required('f3', 'DOUBLE'),
  required('f4', 'INT32'),
  required('f5', 'DOUBLE'),
];
