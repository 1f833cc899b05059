import * as z from 'zod';

/**
 * The data-rule parts of the policy document (`data.task: dataset`): declared columns and the seven data rule
 * kinds. Kept apart from schema-policy.ts so the model-check shape stays readable; both are one zod schema.
 */

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const share = z.number().min(0).max(1);

export const columnDeclarationSchema = z
  .strictObject({
    type: z.enum(['number', 'integer', 'category', 'string', 'boolean']).optional().meta({ description: 'number and integer columns are read as numbers; the others as text. Default: inferred from the first rows' }),
    values: z.array(scalar).min(1).optional().meta({ description: 'allowed values (text columns)' }),
    min: z.number().optional().meta({ description: 'smallest allowed value (number columns)' }),
    max: z.number().optional().meta({ description: 'largest allowed value (number columns)' }),
    unique: z.boolean().optional().meta({ description: 'every non-missing value distinct; default false (true for data.id)' }),
    max_missing: share.optional().meta({ description: 'largest allowed share of missing values; overrides the schema rule\'s' }),
    required: z.boolean().optional().meta({ description: 'the column must be in the file; default true' }),
  })
  .meta({ description: 'what the schema rule checks about one column' });

export const schemaSpecSchema = z.strictObject({
  required: z.array(z.string().min(1)).optional().meta({ description: 'columns that must be present, besides those declared in data.columns' }),
  max_missing: share.optional().meta({ description: 'largest allowed share of missing values in every declared column' }),
});

export const representationSpecSchema = z.strictObject({
  min_share: share.optional().meta({ description: 'smallest allowed share of rows for every group' }),
  reference: z
    .record(z.string(), z.record(z.string(), share))
    .optional()
    .meta({ description: 'reference population shares per sensitive column, e.g. census shares: { race: { white: 0.6, … } }' }),
  tolerance: share.optional().meta({ description: 'largest allowed |share − reference| ; default 0.05' }),
});

export const labelBalanceSpecSchema = z.strictObject({
  max_difference: share.optional().meta({ description: 'max_g base_rate − min_g base_rate' }),
  min_ratio: share.optional().meta({ description: 'min_g base_rate / max_g base_rate' }),
});

export const missingnessSpecSchema = z.strictObject({
  max_difference: share.meta({ description: 'largest allowed gap in a column\'s missing share between groups' }),
  columns: z.array(z.string().min(1)).min(1).optional().meta({ description: 'default: every column but the grouping\'s own' }),
});

export const leakageSpecSchema = z.strictObject({
  max_auc: z.number().min(0.5).max(1).optional().meta({ description: 'largest allowed single-feature ROC AUC, folded to ≥ 0.5; default 0.95' }),
  max_association: share.optional().meta({ description: "largest allowed Cramér's V of a text feature with the label; default 0.9" }),
  columns: z.array(z.string().min(1)).min(1).optional().meta({ description: 'default: every feature (not the label, id or sensitive columns)' }),
});

export const duplicatesSpecSchema = z.strictObject({
  max_rows: z.int().min(0).optional().meta({ description: 'largest allowed number of rows repeating an earlier row' }),
  max_row_share: share.optional().meta({ description: 'the same as a share of all rows' }),
  max_ids: z.int().min(0).optional().meta({ description: 'largest allowed number of repeated ids (needs data.id)' }),
});

export const personalDataSpecSchema = z.strictObject({
  max_share: share.optional().meta({ description: 'largest allowed share of a column\'s non-missing values matching a detector; default 0' }),
  detectors: z.array(z.string().min(1)).optional().meta({ description: 'built-in detectors to use; default all (email, phone, iban, credit_card, ipv4, ipv6, us_ssn, uk_nino)' }),
  patterns: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string().min(1)).optional().meta({ description: 'extra detectors: name → regular expression matched against the whole value' }),
  columns: z.array(z.string().min(1)).min(1).optional().meta({ description: 'default: every text column' }),
});

export const previousVersionSpecSchema = z.strictObject({
  columns: z.array(z.string().min(1)).min(1).optional().meta({ description: 'default: every column in both versions but the id' }),
  thresholds: z
    .strictObject({
      psi: z.number().gt(0).optional().meta({ description: 'default 0.2' }),
      ks: z.number().gt(0).lt(1).optional().meta({ description: 'p-value level, default 0.05' }),
      chi_square: z.number().gt(0).lt(1).optional().meta({ description: 'p-value level, default 0.05' }),
      wasserstein: z.number().gt(0).optional().meta({ description: 'W1 / reference sd, default 0.1' }),
      jensen_shannon: z.number().gt(0).max(1).optional().meta({ description: 'default 0.1' }),
    })
    .optional(),
  max_missing_rate_change: share.optional().meta({ description: 'largest allowed |missing share now − before| per column; default: not checked' }),
  new_categories: z.boolean().optional().meta({ description: 'a category the previous version never had fails the column; default false' }),
});

/** The data rule kinds, in the order the evaluator reports them. */
export const dataRuleKinds = ['schema', 'representation', 'label_balance', 'missingness', 'leakage', 'duplicates', 'personal_data', 'previous_version'] as const;
export type DataRuleKind = (typeof dataRuleKinds)[number];
