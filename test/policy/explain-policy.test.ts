import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExplainAssociation, ExplainSection, Interval } from '../../src/core/index.ts';
import { evaluatePolicy, sectionFromFixture } from '../../src/policy/index.ts';
import { header, lines, onlyProblem, policyOf } from './helpers.ts';

const now = new Date('2026-01-01T00:00:00Z');
const explainLines = [
  'data: { y_true: y, score: p, sensitive: [race, sex] }',
  'explain:',
  '  features: { income: number, zip: category, race: category }',
  '  protected: [race]',
  '  proxies: [zip]',
];
const fixture = sectionFromFixture({
  overall: { rows: 200 },
  groups: [
    { key: 'race=a', rows: 100 },
    { key: 'race=b', rows: 100 },
    { key: 'sex=f', rows: 120 },
    { key: 'sex=m', rows: 80 },
  ],
});

const association = (feature: string, sensitive: string, cramersV: number, importanceRank: number | null): ExplainAssociation => ({
  feature, kind: 'category', sensitive, n: 200, cramersV, cramersVCorrected: cramersV - 0.01, correlationRatio: null, normalizedMutualInformation: 0.1, importanceRank,
});

const slice = (key: string, usable: number, protectedShare: number, coverage = 1) => ({
  key, rows: usable, usable, coverage, protectedShare, proxyShare: 0.1, features: [],
});

const wilson = (low: number, high: number): Interval => ({ low, high, level: 0.95, method: 'wilson' });

const explain = (parts: Partial<ExplainSection>): ExplainSection => ({ features: ['income', 'zip', 'race'], protected: ['race'], proxies: ['zip'], associations: [], ...parts });

const run = (rules: string[], section: ExplainSection | undefined, settings: string[] = []) =>
  evaluatePolicy(policyOf(lines(...header, ...explainLines, 'settings:', '  min_group_size: 30', ...settings, 'rules:', ...rules)), {
    metrics: fixture,
    waivers: [],
    now,
    ...(section === undefined ? {} : { explain: section }),
  });

test('explain.protected_share is bounded overall and per group like any metric', () => {
  const attributions = { alignment: 'position' as const, overall: slice('overall', 200, 0.015), groups: [slice('race=a', 100, 0.01), slice('race=b', 100, 0.03)], disparities: [] };
  const [overall] = run(['  - { id: share, metric: explain.protected_share, max: 0.02 }'], explain({ attributions }));
  assert.equal(overall?.status, 'pass');
  assert.equal(overall?.value, 0.015);
  const perGroup = run(['  - { id: share, metric: explain.protected_share, max: 0.02, scope: every_group, sensitive: [race] }'], explain({ attributions }));
  assert.deepEqual(perGroup.map((f) => [f.group, f.status]), [['race=a', 'pass'], ['race=b', 'fail']]);
  assert.match(perGroup[1]?.message ?? '', /^protected share of race=b is 0.03, above the maximum 0.02$/);
});

test('an explain metric without its input is insufficient evidence naming the missing input', () => {
  const [finding] = run(['  - { id: flips, metric: explain.flip_rate, max: 0.01 }'], explain({}));
  assert.equal(finding?.status, 'insufficient_evidence');
  assert.match(finding?.message ?? '', /needs a model endpoint \(explain.endpoint.url or --endpoint\)/);
  const [coverage] = run(['  - { id: coverage, metric: explain.coverage, min: 0.99 }'], undefined);
  assert.equal(coverage?.status, 'insufficient_evidence');
  assert.match(coverage?.message ?? '', /attributions file/);
});

test('flip rate per group honours fail_on interval through its Wilson interval, and min_group_size on the rows tested', () => {
  const flips = {
    endpoint: 'http://model/predict', protocol: 'json' as const, sampled: 230, threshold: 0.5,
    tests: [{
      sensitive: 'race', proxies: ['zip'], requests: 460,
      overall: { rows: 230, flipped: 6, rate: 6 / 230, interval: wilson(0.012, 0.056) },
      groups: [
        { value: 'a', rows: 100, flipped: 5, rate: 0.05, interval: wilson(0.0215, 0.1118) },
        { value: 'b', rows: 110, flipped: 1, rate: 1 / 110, interval: wilson(0.0016, 0.0497) },
        { value: 'c', rows: 20, flipped: 0, rate: 0, interval: wilson(0, 0.161) },
      ],
    }],
  };
  const rule = ['  - { id: flips, metric: explain.flip_rate, max: 0.01, scope: every_group, sensitive: [race] }'];
  const section = sectionFromFixture({ overall: { rows: 230 }, groups: [{ key: 'race=a', rows: 100 }, { key: 'race=b', rows: 110 }, { key: 'race=c', rows: 20 }] });
  const evaluate = (settings: string[]) =>
    evaluatePolicy(policyOf(lines(...header, ...explainLines, 'settings:', '  min_group_size: 30', ...settings, 'rules:', ...rule)), { metrics: section, waivers: [], now, explain: explain({ flips }) });
  assert.deepEqual(evaluate([]).map((f) => [f.group, f.status]), [['race=a', 'fail'], ['race=b', 'pass'], ['race=c', 'insufficient_evidence']]);
  // With fail_on interval, race=a fails only because its whole interval (0.0215–0.1118) lies above 0.01.
  const interval = evaluate(['  fail_on: interval']);
  assert.deepEqual(interval.map((f) => f.status), ['fail', 'pass', 'insufficient_evidence']);
  assert.deepEqual(interval[0]?.interval, wilson(0.0215, 0.1118));
  assert.match(interval[2]?.message ?? '', /rests on 20 rows, fewer than min_group_size 30/);
});

test('a proxy rule fails once per top-k feature associated beyond the threshold, with the evidence', () => {
  const associations = [association('zip', 'race', 0.62, 2), association('income', 'race', 0.3, 1), association('zip', 'sex', 0.55, 2), association('tenure', 'race', 0.9, 12)];
  const attributions = { alignment: 'position' as const, overall: slice('overall', 200, 0), groups: [], disparities: [] };
  const findings = run(['  - id: no-proxy', '    proxy: { top_k: 10, cramers_v: 0.5 }'], explain({ associations, attributions }));
  assert.deepEqual(findings.map((f) => [f.status, f.evidence?.['feature'], f.grouping]), [['fail', 'zip', ['race']], ['fail', 'zip', ['sex']]]);
  assert.equal(findings[0]?.message, "zip is a proxy of race: Cramér's V 0.62 > 0.5 (importance rank 2)");
  assert.equal(findings[0]?.value, 0.62);
  assert.deepEqual(findings[0]?.bound, { max: 0.5 });
  // Rank 12 is outside the top 10; without attributions ranks are unknown and every feature is tested.
  const unranked = run(['  - id: no-proxy', '    proxy: { top_k: 10 }'], explain({ associations }));
  assert.ok(unranked.some((f) => f.evidence?.['feature'] === 'tenure' && f.status === 'fail'));
});

test('a proxy rule passes when no association exceeds the threshold, naming the strongest', () => {
  const [finding] = run(['  - id: no-proxy', '    proxy: { cramers_v: 0.7 }'], explain({ associations: [association('zip', 'race', 0.62, null)] }));
  assert.equal(finding?.status, 'pass');
  assert.match(finding?.message ?? '', /strongest: zip with race, Cramér's V 0.62/);
});

test('the proxy rule takes explain.proxy_thresholds when it sets none', () => {
  const text = lines(...header, ...explainLines, '  proxy_thresholds: { cramers_v: 0.7 }', 'rules:', '  - id: no-proxy', '    proxy: {}');
  const policy = policyOf(text);
  const [finding] = evaluatePolicy(policy, { metrics: fixture, waivers: [], now, explain: explain({ associations: [association('zip', 'race', 0.62, null)] }) });
  assert.equal(finding?.status, 'pass');
});

test('stability metrics and CEL read explain metrics from the same slices', () => {
  const stability = { k: 10, spearman: 0.8, kendallTauB: 0.6, topKOverlap: 0.6, onlyCurrent: [], onlyBaseline: [] };
  const findings = run([
    '  - { id: overlap, metric: explain.top_k_overlap, min: 0.7 }',
    '  - { id: rho, metric: explain.spearman, min: 0.7 }',
    "  - { id: cel, expression: \"overall['explain.kendall_tau'] >= 0.5\" }",
  ], explain({ stability }));
  assert.deepEqual(findings.map((f) => f.status), ['fail', 'pass', 'pass']);
});

test('policy errors in explain rules name their line and column', () => {
  const base = [...header, ...explainLines];
  const unknown = onlyProblem(lines(...base, 'rules:', '  - { id: x, metric: explain.protected_shar, max: 0.1 }'), 'POLICY_UNKNOWN_METRIC', 10, 22);
  assert.equal(unknown.hint, 'did you mean "explain.protected_share"?');
  onlyProblem(lines(...base, 'rules:', '  - id: x', '    metric: explain.spearman', '    min: 0.1', '    scope: every_group'), 'POLICY_INVALID_FIELD', 13, 12);
  const flip = onlyProblem(lines(...base, 'rules:', '  - { id: x, metric: explain.flip_rate, max: 0.1, scope: every_group, sensitive: [sex] }'), 'POLICY_INVALID_FIELD', 10, 83);
  assert.match(flip.message, /"sex" is not in explain.features/);
  onlyProblem(lines(...header, 'data: { y_true: y, score: p, sensitive: [race] }', 'rules:', '  - { id: x, metric: explain.coverage, min: 0.9 }'), 'POLICY_INVALID_FIELD', 6, 22);
  onlyProblem(lines(...base.slice(0, -1), '  proxies: [zipp]'), 'POLICY_UNKNOWN_COLUMN', 8, 13);
  onlyProblem(lines(...base, '  endpoint: { protocol: grpc }'), 'POLICY_INVALID_FIELD', 9, 25);
});

test('explain: is normalised with its defaults', () => {
  const policy = policyOf(lines(...header, ...explainLines, '  endpoint: { url: "http://m/predict", protocol: kserve-v2 }'));
  assert.deepEqual(policy.explain?.features, [{ name: 'income', kind: 'number' }, { name: 'zip', kind: 'category' }, { name: 'race', kind: 'category' }]);
  assert.deepEqual(policy.explain?.proxyThresholds, { cramersV: 0.5, biasCorrected: false });
  assert.equal(policy.explain?.topK, 10);
  assert.deepEqual(policy.explain?.endpoint, { url: 'http://m/predict', protocol: 'kserve-v2', threshold: 0.5, sample: 1000, swapProxies: true });
});
