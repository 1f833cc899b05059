import * as z from 'zod';
import { waiverSchema } from './schema-waiver.ts';

/**
 * A `steward policy test` file: cases of hand-written metrics and the finding each rule must produce. Metrics are
 * written in a compact form (see fixtures.ts) so a case fits in a few lines.
 */

/** `0.8`, `null` (undefined metric), or `{value, n, interval: [low, high]}`. */
export const fixtureValueSchema = z.union([
  z.number(),
  z.null(),
  z.strictObject({
    value: z.number().nullable(),
    n: z.number().min(0).optional(),
    interval: z.tuple([z.number(), z.number()]).optional(),
  }),
]);

/** A slice: reserved members `key`, `rows`, `weight`; every other member is a metric. */
export const fixtureSliceSchema = z
  .object({
    key: z.string().min(1).optional(),
    rows: z.number().min(0).optional(),
    weight: z.number().min(0).optional(),
  })
  .catchall(fixtureValueSchema);

/** A group's key names its columns and values in policy order: `race=black`, `race=black&sex=female`. */
export const fixtureGroupSchema = fixtureSliceSchema.extend({
  key: z.string().regex(/^[^=&]+=[^&]*(&[^=&]+=[^&]*)*$/),
  rows: z.number().min(0),
});

export const fixtureDisparitySchema = z.strictObject({
  metric: z.string().min(1),
  grouping: z.string().min(1).meta({ description: 'race, or race&sex' }),
  aggregation: z.enum(['between_groups', 'to_overall']).optional(),
  value: z.number().nullable(),
  interval: z.tuple([z.number(), z.number()]).optional(),
  extremes: z.array(z.string()).optional(),
  excluded: z.array(z.string()).optional(),
});

export const fixtureMetricsSchema = z.strictObject({
  task: z.enum(['binary', 'regression']).optional(),
  overall: fixtureSliceSchema.optional(),
  groups: z.array(fixtureGroupSchema).optional(),
  disparities: z.array(fixtureDisparitySchema).optional(),
});

/** A count of schema violations: `3`, or `{rows: 3, lines: [4, 9, 12]}` (the first offending lines). */
const fixtureViolationSchema = z.union([z.number().int().min(0), z.strictObject({ rows: z.number().int().min(0), lines: z.array(z.number().int().min(1)).max(5).optional() })]);

/** What one pass over the file would have found about one column (see fixtures-data.ts for the defaults). */
export const fixtureColumnSchema = z.strictObject({
  role: z.enum(['id', 'label', 'sensitive', 'feature']).optional(),
  kind: z.enum(['number', 'category']).optional(),
  missing: z.number().int().min(0).optional(),
  distinct: z.number().int().min(0).nullable().optional(),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  duplicates: z.number().int().min(0).nullable().optional().meta({ description: 'values repeating an earlier one (id and unique columns)' }),
  violations: z
    .strictObject({ type: fixtureViolationSchema.optional(), values: fixtureViolationSchema.optional(), range: fixtureViolationSchema.optional(), unique: fixtureViolationSchema.optional() })
    .optional(),
  equal_label: z.number().int().min(0).optional().meta({ description: 'rows where the column equals the label' }),
  equal_id: z.number().int().min(0).optional().meta({ description: 'rows where the column equals the id' }),
  auc: z.number().min(0).max(1).nullable().optional(),
  auc_error_bound: z.number().min(0).nullable().optional(),
  association: z.number().min(0).max(1).nullable().optional().meta({ description: "Cramér's V with the label" }),
  pii: z.record(z.string(), z.number().int().min(0)).optional().meta({ description: 'rows matching each personal-data detector' }),
});

/** The dataset facts the data rules read (schema, missingness, leakage, duplicates, personal data). */
export const fixtureDatasetSchema = z.strictObject({
  rows: z.number().int().min(0).optional(),
  duplicate_rows: z.number().int().min(0).optional(),
  absent: z.array(z.string()).optional().meta({ description: 'declared columns that are not in the file' }),
  columns: z.record(z.string(), fixtureColumnSchema).optional(),
  missing: z
    .record(z.string(), z.record(z.string().regex(/^[^=&]+=[^&]*(&[^=&]+=[^&]*)*$/), z.number().int().min(0)))
    .optional()
    .meta({ description: 'column → group key → missing values; group rows come from metrics.groups' }),
});

export const expectedStatusSchema = z.enum(['pass', 'fail', 'warn', 'waived', 'insufficient_evidence']);

export const policyTestCaseSchema = z.strictObject({
  name: z.string().min(1),
  metrics: fixtureMetricsSchema,
  baseline: fixtureMetricsSchema.optional(),
  dataset: fixtureDatasetSchema.optional(),
  model_card: z.unknown().optional(),
  waivers: z.array(waiverSchema).optional(),
  now: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  expect: z.record(z.string(), expectedStatusSchema),
});

export const policyTestFileSchema = z
  .strictObject({ cases: z.array(policyTestCaseSchema).min(1) })
  .meta({ title: 'Steward policy tests', description: 'Cases for `steward policy test`.' });

export type FixtureMetrics = z.infer<typeof fixtureMetricsSchema>;
export type FixtureValue = z.infer<typeof fixtureValueSchema>;
export type FixtureDataset = z.infer<typeof fixtureDatasetSchema>;
export type PolicyTestCaseDocument = z.infer<typeof policyTestCaseSchema>;
