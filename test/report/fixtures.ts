/**
 * Hand-built verdicts for the report tests: a binary credit model checked against a fairness policy with sensitive
 * columns race and sex. Numbers are consistent with each other (rates from counts, summary from findings, digest
 * from content), so a report that shows them can be checked against the fixture rather than against literals.
 */
import { digestOfJson, type Digest } from '../../src/core/index.ts';
import type {
  DisparityValue,
  Finding,
  Interval,
  MetricValue,
  MetricsSection,
  SliceMetrics,
  Verdict,
  VerdictSummary,
} from '../../src/core/index.ts';

const wilson = (low: number, high: number): Interval => ({ low, high, level: 0.95, method: 'wilson' });

function rate(successes: number, n: number, half: number): MetricValue {
  if (n === 0) return { value: 0, n };
  const value = successes / n;
  return { value, n, interval: wilson(Math.max(0, value - half), Math.min(1, value + half)) };
}

interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
  readonly auc: number | null;
}

/** Slice metrics from a confusion matrix, so every rate in a fixture has the denominator it claims. */
function slice(key: string, group: Record<string, string>, counts: Counts): SliceMetrics {
  const { tp, fp, tn, fn, auc } = counts;
  const rows = tp + fp + tn + fn;
  const half = 1.96 * Math.sqrt(0.25 / Math.max(rows, 1));
  return {
    key,
    grouping: Object.keys(group),
    group,
    rows,
    weight: rows,
    metrics: {
      count: { value: rows, n: rows },
      selection_rate: rate(tp + fp, rows, half),
      base_rate: rate(tp + fn, rows, half),
      accuracy: rate(tp + tn, rows, half),
      true_positive_rate: rate(tp, tp + fn, half),
      false_positive_rate: rate(fp, fp + tn, half),
      roc_auc:
        auc === null
          ? { value: null, n: rows }
          : { value: auc, n: rows, interval: { low: auc - 0.04, high: Math.min(1, auc + 0.04), level: 0.95, method: 'delong' } },
    },
  };
}

const groups: readonly SliceMetrics[] = [
  slice('race=black', { race: 'black' }, { tp: 150, fp: 40, tn: 520, fn: 90, auc: 0.79 }),
  slice('race=white', { race: 'white' }, { tp: 300, fp: 70, tn: 700, fn: 90, auc: 0.84 }),
  slice('race=asian', { race: 'asian' }, { tp: 5, fp: 1, tn: 10, fn: 2, auc: null }),
  slice('sex=female', { sex: 'female' }, { tp: 200, fp: 45, tn: 600, fn: 95, auc: 0.81 }),
  slice('sex=male', { sex: 'male' }, { tp: 255, fp: 66, tn: 630, fn: 87, auc: 0.83 }),
  slice('race=black&sex=female', { race: 'black', sex: 'female' }, { tp: 70, fp: 18, tn: 250, fn: 45, auc: 0.78 }),
  slice('race=black&sex=male', { race: 'black', sex: 'male' }, { tp: 80, fp: 22, tn: 270, fn: 45, auc: 0.8 }),
];

const overall = slice('overall', {}, { tp: 455, fp: 111, tn: 1230, fn: 182, auc: 0.82 });

const dpInterval: Interval = { low: 0.655, high: 0.838, level: 0.95, method: 'bootstrap' };
const eoInterval: Interval = { low: 0.071, high: 0.169, level: 0.95, method: 'bootstrap' };

const dpRatio: DisparityValue = {
  metric: 'demographic_parity_ratio',
  of: ['selection_rate'],
  grouping: ['race'],
  aggregation: 'between_groups',
  value: 0.742,
  interval: dpInterval,
  ideal: 1,
  extremes: ['race=black', 'race=white'],
  excluded: ['race=asian'],
  formula: 'min_g selection_rate(g) / max_g selection_rate(g)',
};

const eoDifference: DisparityValue = {
  metric: 'equalized_odds_difference',
  of: ['true_positive_rate', 'false_positive_rate'],
  grouping: ['sex'],
  aggregation: 'between_groups',
  value: 0.121,
  interval: eoInterval,
  ideal: 0,
  extremes: ['sex=female', 'sex=male'],
  excluded: [],
  formula: 'max(max_g TPR(g) − min_g TPR(g), max_g FPR(g) − min_g FPR(g)) with TPR = true_positive_rate, FPR = false_positive_rate',
};

export const metrics: MetricsSection = { task: 'binary', overall, groups, disparities: [dpRatio, eoDifference] };

const policyFile = 'policies/fairness.yaml';

export const findings: readonly Finding[] = [
  {
    ruleId: 'dp-ratio-race',
    kind: 'disparity',
    severity: 'error',
    status: 'fail',
    message: 'Selection rate of race=black is 74.2% of that of race=white; the policy needs at least 80%.',
    metric: 'demographic_parity_ratio',
    grouping: ['race'],
    aggregation: 'between_groups',
    value: dpRatio.value,
    bound: { min: 0.8 },
    interval: dpInterval,
    n: 1960,
    formula: dpRatio.formula,
    evidence: { groupSizes: { 'race=black': 800, 'race=white': 1160 }, excluded: ['race=asian'] },
    location: { file: policyFile, line: 12, column: 5, path: 'rules[0]' },
  },
  {
    ruleId: 'eo-diff-sex',
    kind: 'disparity',
    severity: 'warn',
    status: 'warn',
    message: 'Equalized odds difference between sexes is 0.121, above the 0.1 the policy allows.',
    metric: 'equalized_odds_difference',
    grouping: ['sex'],
    aggregation: 'between_groups',
    value: eoDifference.value,
    bound: { max: 0.1 },
    interval: eoInterval,
    n: 1978,
    formula: eoDifference.formula,
    location: { file: policyFile, line: 19, column: 5, path: 'rules[1]' },
  },
  {
    ruleId: 'recall-per-group',
    kind: 'metric',
    severity: 'error',
    status: 'insufficient_evidence',
    message: 'race=asian has 7 actual positives, fewer than min_group_size 30; recall cannot be judged.',
    metric: 'true_positive_rate',
    group: 'race=asian',
    grouping: ['race'],
    value: null,
    bound: { min: 0.6 },
    n: 7,
    location: { file: policyFile, line: 26, column: 5, path: 'rules[2]' },
  },
  {
    ruleId: 'recall-per-group',
    kind: 'metric',
    severity: 'error',
    status: 'waived',
    message: 'Recall of race=black is 0.625, below 0.65; covered by waiver RISK-142.',
    metric: 'true_positive_rate',
    group: 'race=black',
    grouping: ['race'],
    value: 150 / 240,
    bound: { min: 0.65 },
    interval: wilson(0.562, 0.684),
    n: 240,
    location: { file: policyFile, line: 26, column: 5, path: 'rules[2]' },
    waiver: {
      rule: 'recall-per-group',
      model: 'credit-scoring',
      owner: 'ana@example.com',
      approver: 'risk-board@example.com',
      ticket: 'RISK-142',
      justification: 'Retraining with the 2026-Q3 data is scheduled; recall gap accepted until then.',
      expires: '2026-12-31',
    },
  },
  {
    ruleId: 'recall-per-group',
    kind: 'metric',
    severity: 'error',
    status: 'pass',
    message: 'Recall of race=white is 0.769, at least 0.65.',
    metric: 'true_positive_rate',
    group: 'race=white',
    grouping: ['race'],
    value: 300 / 390,
    bound: { min: 0.65 },
    interval: wilson(0.725, 0.808),
    n: 390,
    location: { file: policyFile, line: 26, column: 5, path: 'rules[2]' },
  },
  {
    ruleId: 'auc-floor',
    kind: 'metric',
    severity: 'error',
    status: 'pass',
    message: 'ROC AUC is 0.820, at least 0.75.',
    metric: 'roc_auc',
    value: 0.82,
    bound: { min: 0.75 },
    interval: { low: 0.78, high: 0.86, level: 0.95, method: 'delong' },
    n: 1978,
    location: { file: policyFile, line: 33, column: 5, path: 'rules[3]' },
  },
  {
    ruleId: 'model-card-intended-use',
    kind: 'documentation',
    severity: 'error',
    status: 'pass',
    message: 'The model card states intended_use.',
    evidence: { field: 'intended_use' },
    location: { file: policyFile, line: 38, column: 5, path: 'rules[4]' },
  },
];

export function summarize(list: readonly Finding[]): VerdictSummary {
  const count = (status: Finding['status']): number => list.filter((finding) => finding.status === status).length;
  return {
    pass: count('pass'),
    fail: count('fail'),
    warn: count('warn'),
    insufficient_evidence: count('insufficient_evidence'),
    waived: count('waived'),
  };
}

const fakeDigest = (text: string): Digest => digestOfJson(text);

/** Recomputes summary, outcome and digest, so a modified fixture stays a consistent verdict. */
export function seal(verdict: Omit<Verdict, 'digest' | 'summary' | 'outcome'>): Verdict {
  const summary = summarize(verdict.findings);
  const body = { ...verdict, summary, outcome: summary.fail > 0 ? ('fail' as const) : ('pass' as const) };
  return { ...body, digest: digestOfJson(body) };
}

/** The main fixture: one finding of each status, a waiver, null values, an intersection, two disparities. */
export function failingVerdict(): Verdict {
  return seal({
    schema: 'steward.verdict/v1',
    tool: { name: 'steward', version: '0.1.0' },
    policy: { name: 'fairness-gate', file: policyFile, digest: fakeDigest('policy') },
    model: { name: 'credit-scoring', version: '1.4.0' },
    inputs: [
      { role: 'evaluation', file: 'data/eval.csv', digest: fakeDigest('eval'), rows: 1978 },
      { role: 'policy', file: policyFile, digest: fakeDigest('policy') },
      { role: 'waivers', file: 'waivers.yaml', digest: fakeDigest('waivers') },
    ],
    seed: 42,
    settings: { confidence: 0.95, minGroupSize: 30, failOn: 'point', bootstrapSamples: 1000 },
    columns: { y_true: 'defaulted', y_pred: 'approved', score: 'p_default', sensitive: ['race', 'sex'] },
    health: [{ column: 'race', role: 'sensitive', missing: 3, rows: 1981 }],
    metrics,
    findings,
  });
}

/** The same check after the failing rule was fixed: outcome pass. */
export function passingVerdict(): Verdict {
  const { digest: _digest, summary: _summary, outcome: _outcome, ...rest } = failingVerdict();
  return seal({ ...rest, findings: findings.filter((finding) => finding.status !== 'fail') });
}

/** Text that breaks naive escaping in every format: markup, entities, quotes, pipes, and XML-forbidden controls. */
export const hostile = 'x<y & "q" \'a\' | b `c` *d* _e_ [f](g) </script>\u0001\u0008\u001f\uFFFE ]]> #h';

/** A verdict whose data-derived strings (group values, messages, waiver text, policy name) are all hostile. */
export function hostileVerdict(): Verdict {
  const base = failingVerdict();
  const key = `race=${hostile}`;
  const hostileGroups = base.metrics.groups.map((group) =>
    group.key === 'race=black' ? { ...group, key, group: { race: hostile } } : group,
  );
  const hostileFindings = base.findings.map((finding) => ({
    ...finding,
    message: `${finding.message} ${hostile}`,
    ...(finding.group === 'race=black' ? { group: key } : {}),
    ...(finding.waiver === undefined ? {} : { waiver: { ...finding.waiver, justification: hostile } }),
  }));
  const { digest: _digest, summary: _summary, outcome: _outcome, ...rest } = base;
  return seal({
    ...rest,
    policy: { ...base.policy, name: `gate ${hostile}` },
    metrics: { ...base.metrics, groups: hostileGroups },
    findings: hostileFindings,
  });
}

/** A check with nothing to report: every finding passes. */
export function cleanVerdict(): Verdict {
  const { digest: _digest, summary: _summary, outcome: _outcome, ...rest } = failingVerdict();
  return seal({ ...rest, findings: findings.filter((finding) => finding.status === 'pass') });
}

/** The smallest verdict: a regression model, no sensitive columns, no model name, no rules. */
export function emptyRegressionVerdict(): Verdict {
  const overallSlice: SliceMetrics = {
    key: 'overall',
    grouping: [],
    group: {},
    rows: 500,
    weight: 500,
    metrics: {
      mean_absolute_error: { value: 12.5, n: 500 },
      root_mean_squared_error: { value: 17.25, n: 500 },
      r2: { value: null, n: 500 },
    },
  };
  return seal({
    schema: 'steward.verdict/v1',
    tool: { name: 'steward', version: '0.1.0' },
    policy: { name: 'empty', file: 'empty.yaml', digest: fakeDigest('empty') },
    inputs: [],
    seed: 0,
    settings: { confidence: 0.9, minGroupSize: 30, failOn: 'interval', bootstrapSamples: 0 },
    columns: { y_true: 'price', y_pred: 'predicted' },
    health: [],
    metrics: { task: 'regression', overall: overallSlice, groups: [], disparities: [] },
    findings: [],
  });
}
