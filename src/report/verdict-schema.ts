import { z } from 'zod';
import type { Digest } from '../core/index.ts';
import { explainSectionSchema } from './verdict-schema-explain.ts';
import { interval } from './verdict-schema-interval.ts';

/**
 * The zod form of `steward.verdict/v1` (src/core/verdict.ts): the single source of schema/report.schema.json. A type
 * test keeps it equal to the TypeScript contract; a schema test keeps the JSON file equal to what this generates.
 */

/** The regex is what validates; the cast only tells TypeScript what the regex guarantees (core's Digest type). */
const digest = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/)
  .meta({ id: 'Digest', description: '`sha256:` + 64 lowercase hex digits' }) as unknown as z.ZodType<Digest>;
const name = z.string().min(1);
const count = z.number().int().nonnegative();

const location = z.strictObject({
  file: z.string().exactOptional(),
  line: z.number().int().min(1).exactOptional(),
  column: z.number().int().min(1).exactOptional(),
  path: z.string().exactOptional().describe('JSON path into the policy, e.g. `rules[2].min`'),
});

const metricValue = z
  .strictObject({
    value: z.number().nullable().describe('null when the metric is undefined for the slice'),
    n: z.number().nonnegative().describe('the count the metric is a rate of, or the rows it was computed on'),
    interval: interval.exactOptional(),
  })
  .meta({ id: 'MetricValue', description: 'one metric of one slice' });

const slice = z
  .strictObject({
    key: name.describe('`overall`, `race=black`, or `race=black&sex=female`'),
    grouping: z.array(name),
    group: z.record(z.string(), z.string()),
    rows: count,
    weight: z.number().nonnegative(),
    metrics: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), metricValue),
  })
  .meta({ id: 'SliceMetrics', description: 'the metrics of the overall population or of one group' });

const aggregation = z.enum(['between_groups', 'to_overall']);

const disparity = z.strictObject({
  metric: name,
  of: z.array(name).describe('the slice metrics compared across groups'),
  grouping: z.array(name),
  aggregation,
  value: z.number().nullable(),
  interval: interval.exactOptional(),
  ideal: z.number().describe('the value meaning "no disparity": 0 for differences, 1 for ratios'),
  extremes: z.array(z.string()),
  excluded: z.array(z.string()).describe('groups smaller than min_group_size'),
  formula: z.string(),
}).meta({ id: 'DisparityValue', description: 'a disparity between the groups of one grouping' });

const metricsSection = z.strictObject({
  task: z.enum(['binary', 'regression']),
  overall: slice,
  groups: z.array(slice),
  disparities: z.array(disparity),
}).meta({ id: 'MetricsSection', description: 'the computed metrics of one evaluation' });

const waiver = z.strictObject({
  rule: name,
  model: name,
  owner: name,
  approver: name,
  ticket: name,
  justification: z.string(),
  expires: z.string().describe('ISO date or date-time'),
}).meta({ id: 'Waiver', description: 'the time-bound exception that turned a failure into `waived`' });

const finding = z.strictObject({
  ruleId: name,
  kind: z.enum(['metric', 'disparity', 'baseline', 'documentation', 'expression', 'waiver', 'schema', 'representation', 'label_balance', 'missingness', 'leakage', 'duplicates', 'personal_data', 'previous_version', 'proxy', 'drift']),
  severity: z.enum(['error', 'warn', 'info']),
  status: z.enum(['pass', 'fail', 'warn', 'insufficient_evidence', 'waived']),
  message: z.string(),
  metric: z.string().exactOptional(),
  group: z.string().exactOptional(),
  grouping: z.array(name).exactOptional(),
  aggregation: aggregation.exactOptional(),
  value: z.number().nullable().exactOptional(),
  bound: z.strictObject({ min: z.number().exactOptional(), max: z.number().exactOptional() }).exactOptional(),
  interval: interval.exactOptional(),
  n: z.number().nonnegative().exactOptional(),
  formula: z.string().exactOptional(),
  evidence: z.record(z.string(), z.unknown()).exactOptional(),
  location,
  waiver: waiver.exactOptional(),
}).meta({ id: 'Finding', description: "one rule's outcome with its evidence" });

const datasetSection = z
  .strictObject({
    rows: count,
    duplicateRows: count.describe('rows repeating an earlier row on every column but the id'),
    columns: z.array(
      z.strictObject({
        column: z.string(),
        role: z.string().describe('id, label, sensitive or feature'),
        kind: z.enum(['number', 'category']),
        type: z.string().exactOptional().describe('the type declared in the policy'),
        rows: count,
        missing: count,
        distinct: count.nullable(),
        min: z.number().nullable(),
        max: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'DatasetSection', description: 'the columns of the training data a dataset check read' });

export const verdictSchema = z
  .strictObject({
    schema: z.literal('steward.verdict/v1'),
    tool: z.strictObject({ name: z.literal('steward'), version: z.string() }),
    outcome: z.enum(['pass', 'fail']),
    summary: z.strictObject({
      pass: count,
      fail: count,
      warn: count,
      insufficient_evidence: count,
      waived: count,
    }),
    policy: z.strictObject({ name, file: z.string(), digest }),
    model: z.strictObject({ name, version: z.string().exactOptional() }).exactOptional(),
    inputs: z.array(
      z.strictObject({
        role: z.enum(['evaluation', 'baseline', 'model_card', 'waivers', 'policy', 'dataset', 'dataset_previous', 'attributions', 'importance_baseline', 'endpoint']),
        file: z.string(),
        digest,
        rows: count.exactOptional(),
      }),
    ),
    seed: z.number().int(),
    settings: z.strictObject({
      confidence: z.number().gt(0).lt(1),
      minGroupSize: count,
      failOn: z.enum(['point', 'interval']),
      bootstrapSamples: count,
    }),
    columns: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    health: z.array(z.strictObject({ column: z.string(), role: z.string(), missing: count, rows: count })),
    metrics: metricsSection,
    baseline: metricsSection.exactOptional(),
    dataset: datasetSection.exactOptional(),
    explain: explainSectionSchema.exactOptional(),
    findings: z.array(finding),
    digest: digest.describe('sha256 of the RFC 8785 form of the verdict without this member'),
  })
  .describe('The result of one `steward check`: every finding and the digests of everything that produced it.');

/** The JSON Schema (draft 2020-12) of the verdict, as written to schema/report.schema.json. */
export function verdictJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(verdictSchema, { target: 'draft-2020-12'});
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'steward.verdict/v1', ...generated };
}
