import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePolicy, outcomeOf, requiredInputs, sectionFromFixture, summarize } from '../../src/policy/index.ts';
import type { Finding } from '../../src/core/index.ts';
import { header, lines, policyOf } from './helpers.ts';

const now = new Date('2026-01-01T00:00:00Z');
const baselinePolicy = (...rules: string[]) => policyOf(lines(...header, 'data: { sensitive: [race] }', 'rules:', ...rules));

test('a baseline rule fails when a higher-is-better metric drops by more than max_drop', () => {
  const policy = baselinePolicy('  - id: auc', '    baseline: { metric: roc_auc, max_drop: 0.02 }');
  const baseline = sectionFromFixture({ overall: { roc_auc: 0.85 } });
  const ok = evaluatePolicy(policy, { metrics: sectionFromFixture({ overall: { roc_auc: 0.84 } }), baseline, waivers: [], now });
  assert.equal(ok[0]?.status, 'pass');
  const [dropped] = evaluatePolicy(policy, { metrics: sectionFromFixture({ overall: { roc_auc: 0.8 } }), baseline, waivers: [], now });
  assert.equal(dropped?.status, 'fail');
  assert.equal(dropped?.evidence?.baseline, 0.85);
  assert.equal(dropped?.message, 'roc auc fell from 0.85 to 0.8 against the baseline (a drop of at most 0.02 is allowed)');
});

test('a baseline rule on a lower-is-better metric fails on a rise; relative max_drop is a fraction of the baseline', () => {
  const policy = baselinePolicy('  - id: ll', '    baseline: { metric: log_loss, max_drop: 0.1, relative: true }');
  const baseline = sectionFromFixture({ overall: { log_loss: 0.4 } });
  const within = evaluatePolicy(policy, { metrics: sectionFromFixture({ overall: { log_loss: 0.43 } }), baseline, waivers: [], now })[0];
  assert.equal(within?.status, 'pass');
  const [rose] = evaluatePolicy(policy, { metrics: sectionFromFixture({ overall: { log_loss: 0.45 } }), baseline, waivers: [], now });
  assert.equal(rose?.status, 'fail');
  assert.ok(Math.abs((rose?.bound?.max ?? 0) - 0.44) < 1e-12);
  const improved = evaluatePolicy(policy, { metrics: sectionFromFixture({ overall: { log_loss: 0.2 } }), baseline, waivers: [], now })[0];
  assert.equal(improved?.status, 'pass');
  assert.match(improved?.message ?? '', /improved/);
});

test('a baseline rule per group compares groups by key; a group missing from the baseline is insufficient evidence', () => {
  const policy = baselinePolicy('  - id: acc', '    baseline: { metric: accuracy, max_drop: 0.05, scope: every_group }');
  const findings = evaluatePolicy(policy, {
    metrics: sectionFromFixture({ groups: [{ key: 'race=a', rows: 100, accuracy: 0.8 }, { key: 'race=b', rows: 100, accuracy: 0.9 }] }),
    baseline: sectionFromFixture({ groups: [{ key: 'race=a', rows: 100, accuracy: 0.9 }] }),
    waivers: [],
    now,
  });
  assert.deepEqual(findings.map((f) => [f.group, f.status]), [['race=a', 'fail'], ['race=b', 'insufficient_evidence']]);
});

test('evaluating a baseline or documentation rule without its input is refused with a coded error', () => {
  const baseline = baselinePolicy('  - id: auc', '    baseline: { metric: roc_auc, max_drop: 0.02 }');
  const docs = baselinePolicy('  - id: card', '    documentation: { required: [owners] }');
  const metrics = sectionFromFixture({});
  assert.throws(() => evaluatePolicy(baseline, { metrics, waivers: [], now }), { name: 'StewardError', message: /POLICY_BASELINE_REQUIRED/ });
  assert.throws(() => evaluatePolicy(docs, { metrics, waivers: [], now }), { name: 'StewardError', message: /POLICY_MODEL_CARD_REQUIRED/ });
  assert.deepEqual(requiredInputs(baseline), { baseline: true, modelCard: false });
  assert.deepEqual(requiredInputs(docs), { baseline: false, modelCard: true });
});

test('a documentation rule treats absent, null, blank and empty fields as missing and resolves dotted paths', () => {
  const policy = baselinePolicy('  - id: card', '    documentation: { required: [intended_use, limitations, training_data.source, owners, contact] }');
  const card = { intended_use: 'credit decisions', limitations: '  ', training_data: { source: 's3://bucket/x' }, owners: [], contact: null };
  const [finding] = evaluatePolicy(policy, { metrics: sectionFromFixture({}), modelCard: card, waivers: [], now });
  assert.equal(finding?.status, 'fail');
  assert.deepEqual(finding?.evidence?.missing, ['limitations', 'owners', 'contact']);
  assert.equal(finding?.value, 3);
  const complete = { ...card, limitations: 'not for minors', owners: ['risk'], contact: 'a@b' };
  assert.equal(evaluatePolicy(policy, { metrics: sectionFromFixture({}), modelCard: complete, waivers: [], now })[0]?.status, 'pass');
});

const finding = (status: Finding['status'], severity: Finding['severity'] = 'error'): Finding => ({
  ruleId: `r-${status}`,
  kind: 'metric',
  severity,
  status,
  message: status,
  location: {},
});

test('outcomeOf fails on a fail, and on insufficient evidence of an error rule only when the policy says so', () => {
  assert.equal(outcomeOf([finding('pass'), finding('warn'), finding('waived')], { insufficientEvidence: 'warn' }), 'pass');
  assert.equal(outcomeOf([finding('pass'), finding('fail')], { insufficientEvidence: 'warn' }), 'fail');
  assert.equal(outcomeOf([finding('insufficient_evidence')], { insufficientEvidence: 'warn' }), 'pass');
  assert.equal(outcomeOf([finding('insufficient_evidence')], { insufficientEvidence: 'fail' }), 'fail');
  assert.equal(outcomeOf([finding('insufficient_evidence', 'warn')], { insufficientEvidence: 'fail' }), 'pass');
});

test('summarize counts findings by status', () => {
  const all = [finding('pass'), finding('pass'), finding('fail'), finding('warn'), finding('insufficient_evidence'), finding('waived')];
  assert.deepEqual(summarize(all), { pass: 2, fail: 1, warn: 1, insufficient_evidence: 1, waived: 1 });
});
