import * as z from 'zod';

/**
 * The monitor document (`kind: Monitor`), as zod schemas: the single source of its shape, its TypeScript types and
 * schema/monitor.schema.json. Objects are strict so a misspelt field is an error. Defaults are applied in
 * normalize-monitor.ts, so the JSON Schema shows a field as optional exactly where it may be left out.
 */

const ruleId = z.string().regex(/^[a-z0-9][a-z0-9\-_.]*$/, 'lowercase letters, digits, -, _ and .');
const severity = z.enum(['error', 'warn', 'info']);
const driftTest = z.enum(['ks', 'psi', 'wasserstein', 'chi_square', 'jensen_shannon']);
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').meta({ description: 'name of an environment variable holding the secret (the secret itself never goes in the file)' });
const httpUrl = z.url({ protocol: /^https?$/ });

export const thresholdsSchema = z
  .strictObject({
    ks: z.number().gt(0).lt(1).optional().meta({ description: 'p-value level; default 0.05' }),
    chi_square: z.number().gt(0).lt(1).optional().meta({ description: 'p-value level; default 0.05' }),
    psi: z.number().gt(0).optional().meta({ description: 'default 0.2' }),
    wasserstein: z.number().gt(0).optional().meta({ description: 'Wasserstein distance / reference sd; default 0.1' }),
    jensen_shannon: z.number().gt(0).max(1).optional().meta({ description: 'default 0.1' }),
  })
  .meta({ description: 'fixed thresholds: p-value tests drift when p < the level, distances when value ≥ the threshold' });

export const columnSchema = z.union([
  z.enum(['number', 'category']),
  z.strictObject({
    type: z.enum(['number', 'category']).optional().meta({ description: 'inferred from the reference data when absent' }),
    tests: z.array(driftTest).min(1).optional().meta({ description: 'statistics to run instead of the automatic choice' }),
    thresholds: thresholdsSchema.optional(),
    severity: severity.optional(),
  }),
]);

export const learnSchema = z
  .strictObject({
    chunk_rows: z.int().min(10).meta({ description: 'rows per reference chunk; use the size of a production window' }),
    k: z.number().min(0).optional().meta({ description: 'alert beyond mean + k·σ of the chunk statistics; default 3' }),
  })
  .meta({ description: 'learn distance thresholds (psi, wasserstein, jensen_shannon) from the reference instead of fixing them' });

export const statisticsSchema = z.strictObject({
  bins: z.int().min(2).optional().meta({ description: 'reference-quantile bins for PSI and numeric Jensen–Shannon; default 10' }),
  thresholds: thresholdsSchema.optional(),
  learn: learnSchema.optional(),
  fdr: z.number().gt(0).lt(1).optional().meta({ description: 'Benjamini–Hochberg false discovery rate across columns (p-value tests only)' }),
  severity: severity.optional().meta({ description: 'severity of a drifting column; default warn' }),
});

export const missingRateSchema = z.strictObject({
  max_change: z.number().min(0).max(1).optional().meta({ description: 'largest allowed |current − reference| missing share; default 0.05' }),
  level: z.number().gt(0).lt(1).optional().meta({ description: 'the change must also be significant at this level (two-proportion z-test); default 0.05' }),
  severity: severity.optional(),
});

export const newCategoriesSchema = z.strictObject({
  max_share: z.number().min(0).max(1).optional().meta({ description: 'largest allowed share of current values in categories the reference never saw; default 0' }),
  severity: severity.optional(),
});

export const datasetDriftSchema = z.strictObject({
  share: z.number().gt(0).max(1).optional().meta({ description: 'the dataset drifts when at least this share of the columns drift; default 0.5' }),
  severity: severity.optional().meta({ description: 'default error' }),
});

export const labelsSchema = z
  .strictObject({
    y_true: z.string().min(1),
    y_pred: z.string().min(1).optional(),
    score: z.string().min(1).optional(),
    threshold: z.number().optional(),
    positive_label: z.union([z.string(), z.number(), z.boolean()]).optional(),
    sensitive: z.array(z.string().min(1)).optional(),
    min_coverage: z.number().min(0).max(1).optional().meta({ description: 'share of rows with a label below which the window is provisional; default 0.8' }),
    metrics: z
      .array(
        z.strictObject({
          id: ruleId,
          metric: z.string().min(1).meta({ description: 'a metric of the gate: accuracy, recall, selection_rate, … or a disparity such as demographic_parity_ratio' }),
          grouping: z.string().min(1).optional().meta({ description: 'for disparities: a sensitive column' }),
          min: z.number().optional(),
          max: z.number().optional(),
          severity: severity.optional(),
        }),
      )
      .optional(),
  })
  .meta({ description: 'present when the current data carries labels: the gate\'s accuracy and fairness metrics on the window' });

export const expressionRuleSchema = z.strictObject({
  id: ruleId,
  expression: z.string().min(1).meta({ description: 'CEL over `columns` (column → statistic → value), `share` and `drifting`; true = healthy' }),
  severity: severity.optional(),
  description: z.string().optional(),
});

const webhookTarget = z.strictObject({ type: z.literal('webhook'), url: httpUrl, secret_env: envName.optional() });
const slackTarget = z.strictObject({ type: z.literal('slack'), url: httpUrl });
const pagerdutyTarget = z.strictObject({
  type: z.literal('pagerduty'),
  routing_key_env: envName,
  url: httpUrl.optional().meta({ description: 'default https://events.pagerduty.com/v2/enqueue' }),
});

export const notifySchema = z.array(z.discriminatedUnion('type', [webhookTarget, slackTarget, pagerdutyTarget]));

export const alertingSchema = z.strictObject({
  cooldown: z.string().regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 30m, 1h, 1d').optional().meta({ description: 'a rule that fires again within this time of its last opened alert opens no new one; default 0' }),
  min_severity: severity.optional().meta({ description: 'notify for alerts of this severity or above; default warn' }),
  attempts: z.int().min(1).max(10).optional().meta({ description: 'delivery attempts per target; default 4' }),
  backoff_ms: z.int().min(1).optional().meta({ description: 'first retry delay, doubled each attempt with seeded jitter; default 500' }),
  timeout_ms: z.int().min(1).optional().meta({ description: 'per request; default 10000' }),
  redeliveries: z.int().min(0).max(20).optional().meta({ description: 'later rounds (runs or serve ticks) that re-send a delivery that failed on a network error, timeout, 429 or 5xx, before it is given up; default 5' }),
  redeliver_after: z.string().regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 30s, 1m').optional().meta({ description: 'wait before the first redelivery round, doubled each round; default 1m' }),
});

export const retrainSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('github'),
    url: httpUrl.meta({ description: 'https://api.github.com/repos/<owner>/<repo>/dispatches' }),
    token_env: envName,
    event_type: z.string().min(1).optional().meta({ description: 'default steward-retrain' }),
    on: z.array(ruleId).optional().meta({ description: 'rule ids that trigger retraining; default every error-severity rule' }),
  }),
  z.strictObject({
    type: z.literal('gitlab'),
    url: httpUrl.meta({ description: 'https://gitlab.example.com/api/v4/projects/<id>/trigger/pipeline' }),
    token_env: envName,
    ref: z.string().min(1),
    on: z.array(ruleId).optional(),
  }),
]);

const duration = z.string().regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 30m, 1h, 1d');

export const windowSchema = z
  .union([
    duration.meta({ description: 'shorthand for { every: <duration> }' }),
    z.strictObject({ every: duration.meta({ description: 'tumbling time windows of this length, aligned to the Unix epoch (UTC)' }) }),
    z.strictObject({ decisions: z.int().min(1).meta({ description: 'tumbling windows of this many decisions, in arrival order' }) }),
  ])
  .meta({ description: 'how decisions ingested by steward serve are cut into windows; needed to judge windows from the store' });

export const monitorSchema = z.strictObject({
  kind: z.literal('Monitor'),
  metadata: z.strictObject({ name: ruleId, description: z.string().optional() }),
  model: z.string().min(1).meta({ description: 'the model watched, name or name@version' }),
  window: windowSchema.optional(),
  reference: z.string().min(1).optional().meta({ description: 'the reference profile file (steward monitor baseline --out), relative to this file' }),
  columns: z.union([z.literal('infer'), z.record(z.string().min(1), columnSchema)]).meta({ description: 'columns to watch, or `infer`: every column of the reference file except label columns' }),
  statistics: statisticsSchema.optional(),
  missing_rate: missingRateSchema.optional(),
  new_categories: newCategoriesSchema.optional(),
  dataset_drift: datasetDriftSchema.optional(),
  labels: labelsSchema.optional(),
  rules: z.array(expressionRuleSchema).optional(),
  notify: notifySchema.optional(),
  alerting: alertingSchema.optional(),
  retrain: retrainSchema.optional(),
});

export type MonitorDocument = z.infer<typeof monitorSchema>;
