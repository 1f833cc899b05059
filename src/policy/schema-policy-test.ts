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

export const expectedStatusSchema = z.enum(['pass', 'fail', 'warn', 'waived', 'insufficient_evidence']);

export const policyTestCaseSchema = z.strictObject({
  name: z.string().min(1),
  metrics: fixtureMetricsSchema,
  baseline: fixtureMetricsSchema.optional(),
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
export type PolicyTestCaseDocument = z.infer<typeof policyTestCaseSchema>;
