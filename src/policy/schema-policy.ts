import * as z from 'zod';
import {
  columnDeclarationSchema,
  duplicatesSpecSchema,
  labelBalanceSpecSchema,
  leakageSpecSchema,
  missingnessSpecSchema,
  personalDataSpecSchema,
  previousVersionSpecSchema,
  representationSpecSchema,
  schemaSpecSchema,
} from './schema-data.ts';
import { explainSchema, proxySpecSchema } from './schema-explain.ts';

/**
 * The policy document, as zod schemas: the single source of its shape. Validation of YAML input, the TypeScript
 * types of the raw document and schema/policy.schema.json (for editors) are all derived from these. Objects are
 * strict so a misspelt field is an error, not a silently ignored line. Defaults are applied later (normalize.ts), so
 * the JSON Schema shows every field as optional exactly where the user may leave it out.
 */

export const ruleIdPattern = /^[a-z0-9][a-z0-9\-_.]*$/;

/** A column name, or an intersection of columns written `race&sex`. */
const grouping = z.string().min(1).meta({ description: 'a declared sensitive column, or an intersection such as race&sex' });

const scalarLabel = z.union([z.string(), z.number(), z.boolean()]);

export const dataSchema = z
  .strictObject({
    task: z.enum(['binary', 'regression', 'dataset']).optional().meta({ description: 'default binary; `dataset` checks training data alone (data rules, no predictions)' }),
    y_true: z.string().min(1).optional(),
    y_pred: z.string().min(1).optional().meta({ description: 'optional when score and threshold are given' }),
    score: z.string().min(1).optional(),
    threshold: z.number().optional(),
    sensitive: z.array(z.string().min(1)).optional(),
    weight: z.string().min(1).optional(),
    positive_label: scalarLabel.optional(),
    labels: z.array(scalarLabel).optional(),
    label: z.string().min(1).optional().meta({ description: 'task dataset: the label column (binary: positive_label, or 1/true/yes)' }),
    id: z.string().min(1).optional().meta({ description: 'task dataset: the row id column (unique)' }),
    columns: z.record(z.string(), columnDeclarationSchema).optional().meta({ description: 'task dataset: declared columns, checked by schema rules' }),
    dataset: z.string().min(1).optional().meta({ description: 'task dataset: the name its versions are recorded under (steward record dataset --name), for previous_version rules' }),
  })
  .meta({ description: 'column mapping of the evaluation file; command-line flags may override it' });

export const settingsSchema = z.strictObject({
  min_group_size: z.int().min(1).optional().meta({ description: 'default 30' }),
  confidence: z.number().gt(0).lt(1).optional().meta({ description: 'default 0.95' }),
  fail_on: z.enum(['point', 'interval']).optional().meta({ description: 'default point' }),
  insufficient_evidence: z.enum(['warn', 'fail']).optional().meta({ description: 'default warn' }),
  seed: z.int().min(0).optional().meta({ description: 'default 0' }),
  bootstrap_samples: z.int().min(1).optional().meta({ description: 'default 1000' }),
  intersections: z.boolean().optional().meta({ description: 'default true' }),
  reference_groups: z.record(z.string(), z.string()).optional(),
});

export const baselineSpecSchema = z.strictObject({
  metric: z.string().min(1),
  max_drop: z.number().min(0),
  relative: z.boolean().optional().meta({ description: 'max_drop is a fraction of the baseline value; default false' }),
  scope: z.enum(['overall', 'every_group']).optional(),
});

export const documentationSpecSchema = z.strictObject({
  required: z.array(z.string().min(1)).min(1).meta({ description: 'dotted paths into the model card' }),
});

/**
 * One rule; exactly one of metric / baseline / documentation / expression / proxy or a data rule kind (schema-data.ts) is
 * checked in rules.ts.
 */
export const ruleSchema = z.strictObject({
  id: z.string().regex(ruleIdPattern),
  description: z.string().optional(),
  severity: z.enum(['error', 'warn', 'info']).optional().meta({ description: 'default error' }),
  metric: z.string().min(1).optional(),
  sensitive: z.array(grouping).min(1).optional(),
  aggregation: z.enum(['between_groups', 'to_overall']).optional(),
  scope: z.enum(['overall', 'every_group']).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  baseline: baselineSpecSchema.optional(),
  documentation: documentationSpecSchema.optional(),
  expression: z.string().min(1).optional(),
  schema: schemaSpecSchema.optional(),
  representation: representationSpecSchema.optional(),
  label_balance: labelBalanceSpecSchema.optional(),
  missingness: missingnessSpecSchema.optional(),
  leakage: leakageSpecSchema.optional(),
  duplicates: duplicatesSpecSchema.optional(),
  personal_data: personalDataSpecSchema.optional(),
  previous_version: previousVersionSpecSchema.optional(),
  proxy: proxySpecSchema.optional(),
});

export const policySchema = z
  .strictObject({
    apiVersion: z.literal('steward/v1'),
    kind: z.literal('Policy'),
    metadata: z.strictObject({
      name: z.string().min(1),
      description: z.string().optional(),
    }),
    extends: z.array(z.string().min(1)).optional().meta({ description: 'built-in packs, e.g. steward:four-fifths' }),
    model: z.string().min(1).optional(),
    data: dataSchema.optional(),
    settings: settingsSchema.optional(),
    explain: explainSchema.optional(),
    rules: z.array(ruleSchema).optional(),
  })
  .meta({ title: 'Steward policy', description: 'A release gate: rules over the metrics of one evaluation, or over a training set (data.task: dataset).' });

export type PolicyDocument = z.infer<typeof policySchema>;
export type RuleDocument = z.infer<typeof ruleSchema>;
export type DataDocument = z.infer<typeof dataSchema>;
export type SettingsDocument = z.infer<typeof settingsSchema>;
