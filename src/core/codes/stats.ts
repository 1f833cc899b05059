import type { CodeSpec } from './types.ts';

/** Codes of the statistics stage (profiles, metrics, disparities). */
export const statsCodes = {
  STATS_UNKNOWN_REFERENCE_COLUMN: { category: 'input', summary: 'A reference group names a column that is not one of the sensitive columns; the error suggests the closest name.' },
  STATS_UNKNOWN_REFERENCE_GROUP: { category: 'input', summary: 'A reference group value does not occur in its sensitive column of the evaluation data; the error suggests the closest value.' },
  STATS_INVALID_OPTION: { category: 'usage', summary: 'A statistics setting (confidence, min_group_size, bootstrap samples, seed) is outside its allowed range.' },
} as const satisfies Record<string, CodeSpec>;
