import { didYouMean, fail } from '../core/index.ts';
import type { MetricsOptions } from './compute-metrics.ts';
import type { EvaluationProfile } from './profile.ts';

/**
 * Rejects settings no statistic can honour, and reference groups that do not exist, with a code and a hint. A
 * reference value that is absent from the data is an error (a typo would otherwise silently switch the reference to
 * the highest-selection group).
 */
export function validateOptions(profile: EvaluationProfile, options: MetricsOptions): void {
  const invalid = (field: string, expected: string, value: unknown): never =>
    fail('STATS_INVALID_OPTION', `${field} is ${String(value)}`, { location: { path: field }, expected });
  if (!(options.confidence > 0 && options.confidence < 1)) invalid('confidence', 'a number strictly between 0 and 1', options.confidence);
  if (!(Number.isInteger(options.minGroupSize) && options.minGroupSize >= 0)) invalid('min_group_size', 'an integer ≥ 0', options.minGroupSize);
  if (!(Number.isInteger(options.bootstrapSamples) && options.bootstrapSamples >= 0)) invalid('bootstrap_samples', 'an integer ≥ 0', options.bootstrapSamples);
  if (!Number.isInteger(options.seed)) invalid('seed', 'an integer', options.seed);
  const references = options.referenceGroups ?? {};
  for (const [column, value] of Object.entries(references)) {
    const position = profile.sensitive.indexOf(column);
    if (position < 0) {
      const hint = didYouMean(column, profile.sensitive);
      fail('STATS_UNKNOWN_REFERENCE_COLUMN', `reference group column "${column}" is not a sensitive column`, {
        location: { path: `reference_groups.${column}` },
        expected: `one of: ${profile.sensitive.join(', ')}`,
        ...(hint === undefined ? {} : { hint }),
      });
    }
    const seen = new Set<string>();
    for (const cell of profile.cells()) {
      const cellValue = cell.values[position];
      if (cellValue !== null && cellValue !== undefined) seen.add(cellValue);
    }
    if (!seen.has(value)) {
      const hint = didYouMean(value, seen);
      fail('STATS_UNKNOWN_REFERENCE_GROUP', `reference group ${column}=${value} does not occur in the evaluation data`, {
        location: { path: `reference_groups.${column}` },
        expected: `a value of ${column} present in the data`,
        ...(hint === undefined ? {} : { hint }),
      });
    }
  }
}
