import { createDigester, defined, fail, type ColumnHealth, type Digest, type MetricsSection } from '../core/index.ts';
import type { DataMapping, PolicySettings } from '../policy/index.ts';
import { readEvaluation, type EvaluationExtras, type EvaluationMapping, type TableFormat } from '../readers/index.ts';
import { computeMetrics, createEvaluationProfile } from '../stats/index.ts';
import { digestFile } from './file-digest.ts';

export interface EvaluatedFile {
  readonly file: string;
  readonly digest: Digest;
  readonly rows: number;
  readonly health: readonly ColumnHealth[];
  readonly metrics: MetricsSection;
}

export interface EvaluateOptions {
  readonly format?: TableFormat;
  readonly delimiter?: string;
  readonly onProgress?: (file: string, bytesRead: number, totalBytes: number) => void;
  /** Extra columns profiled in the same pass (the explainability proxy profile and flip-test sample). */
  readonly extras?: EvaluationExtras;
}

/**
 * One pass over an evaluation file: rows stream into a mergeable profile (memory bounded by groups and bins), then
 * metrics are computed from the profile. The file's digest: CSV and JSONL bytes are hashed as the reader reads them
 * (one read of the file, no second stream competing for I/O and memory); Parquet, whose reader skips the columns it
 * does not need, is hashed on another core at the same time.
 */
export async function evaluateFile(
  file: string,
  mapping: DataMapping,
  settings: PolicySettings,
  options: EvaluateOptions,
): Promise<EvaluatedFile> {
  const digester = createDigester();
  const evaluation = await readEvaluation(
    { path: file, ...defined({ format: options.format, delimiter: options.delimiter }) },
    toEvaluationMapping(mapping),
    {
      onChunk: (bytes) => digester.update(bytes),
      ...(options.onProgress === undefined
        ? {}
        : { onProgress: (progress) => options.onProgress?.(file, progress.bytesRead, progress.totalBytes) }),
    },
    options.extras,
  );
  const digest = evaluation.format === 'parquet' ? digestFile(file) : undefined;
  // Keep the digest promise from rejecting unobserved if reading fails first.
  digest?.catch(() => undefined);
  const profile = createEvaluationProfile({ task: mapping.task, sensitive: mapping.sensitive });
  for await (const batch of evaluation.batches()) profile.add(batch);
  const metrics = computeMetrics(profile, {
    confidence: settings.confidence,
    minGroupSize: settings.minGroupSize,
    seed: settings.seed,
    bootstrapSamples: settings.bootstrapSamples,
    intersections: settings.intersections,
    referenceGroups: settings.referenceGroups,
  });
  return { file, digest: digest === undefined ? digester.digest() : await digest, rows: profile.rows, health: evaluation.health(), metrics };
}

/** The policy's `data:` (after flag overrides) as the readers need it; a model check cannot run without y_true. */
function toEvaluationMapping(mapping: DataMapping): EvaluationMapping {
  const { yTrue } = mapping;
  if (yTrue === undefined) {
    fail('USAGE_INVALID_ARGUMENT', 'no y_true column: the policy has no data.y_true and no --y-true flag was given', {
      expected: 'data.y_true in the policy, or --y-true <column>',
    });
  }
  return { ...mapping, yTrue };
}
