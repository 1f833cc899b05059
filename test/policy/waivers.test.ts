import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePolicy, loadModelCard, loadWaivers, sectionFromFixture } from '../../src/policy/index.ts';
import type { Waiver } from '../../src/policy/index.ts';
import { digestOf } from '../../src/core/index.ts';
import { header, lines, policyOf, rejectsWith, tempFile } from './helpers.ts';

const policy = policyOf(lines(...header, 'model: credit-scoring', 'rules:', '  - id: recall-floor', '    metric: recall', '    min: 0.6'));
const failing = sectionFromFixture({ overall: { recall: 0.5 } });
const passing = sectionFromFixture({ overall: { recall: 0.7 } });
const waiver = (overrides: Partial<Waiver> = {}): Waiver => ({
  rule: 'recall-floor',
  model: 'credit-scoring',
  owner: 'ana',
  approver: 'ben',
  ticket: 'RISK-12',
  justification: 'new data arrives next sprint',
  expires: '2026-03-31',
  ...overrides,
});
const at = (iso: string) => new Date(iso);

test('an active waiver turns a failure into waived, keeping the value and carrying the waiver', () => {
  const [finding, ...rest] = evaluatePolicy(policy, { metrics: failing, waivers: [waiver()], now: at('2026-03-01T00:00:00Z') });
  assert.equal(finding?.status, 'waived');
  assert.equal(finding?.value, 0.5);
  assert.equal(finding?.waiver?.ticket, 'RISK-12');
  assert.deepEqual(rest, []);
});

test('a date-only expiry covers that whole day in UTC', () => {
  assert.equal(evaluatePolicy(policy, { metrics: failing, waivers: [waiver()], now: at('2026-03-31T23:59:59.999Z') })[0]?.status, 'waived');
  assert.equal(evaluatePolicy(policy, { metrics: failing, waivers: [waiver()], now: at('2026-04-01T00:00:00Z') })[0]?.status, 'fail');
  const precise = waiver({ expires: '2026-03-31T12:00:00+02:00' });
  assert.equal(evaluatePolicy(policy, { metrics: failing, waivers: [precise], now: at('2026-03-31T10:00:00Z') })[0]?.status, 'waived');
  assert.equal(evaluatePolicy(policy, { metrics: failing, waivers: [precise], now: at('2026-03-31T10:00:01Z') })[0]?.status, 'fail');
});

test('an expired waiver is itself a failure naming its expiry and owner', () => {
  const findings = evaluatePolicy(policy, { metrics: passing, waivers: [waiver()], now: at('2026-05-01T00:00:00Z') });
  assert.deepEqual(findings.map((f) => [f.ruleId, f.status, f.severity]), [['recall-floor', 'pass', 'error'], ['waiver:recall-floor', 'fail', 'error']]);
  assert.match(findings[1]?.message ?? '', /expired on 2026-03-31.*ana/);
});

test('an expired waiver replaced by an active one for the same rule is not a failure', () => {
  const findings = evaluatePolicy(policy, { metrics: failing, waivers: [waiver(), waiver({ ticket: 'RISK-13', expires: '2026-09-30' })], now: at('2026-05-01T00:00:00Z') });
  assert.deepEqual(findings.map((f) => [f.ruleId, f.status, f.waiver?.ticket]), [['recall-floor', 'waived', 'RISK-13']]);
});

test('a waiver for a rule the policy does not have is a warning; waivers of other models are ignored', () => {
  const findings = evaluatePolicy(policy, {
    metrics: failing,
    waivers: [waiver({ rule: 'recal-floor' }), waiver({ model: 'fraud' })],
    now: at('2026-03-01T00:00:00Z'),
  });
  assert.deepEqual(findings.map((f) => [f.ruleId, f.status]), [['recall-floor', 'fail'], ['waiver:recal-floor', 'warn']]);
});

test('loadWaivers reads every field and locates each waiver', async () => {
  const file = await tempFile(lines('waivers:', '  - rule: recall-floor', '    model: credit-scoring', '    owner: ana', '    approver: ben', '    ticket: RISK-12', '    justification: next sprint', '    expires: 2026-03-31'));
  const [loaded] = await loadWaivers(file);
  assert.equal(loaded?.expires, '2026-03-31');
  assert.deepEqual([loaded?.location?.line, loaded?.location?.column], [2, 5]);
});

test('a waiver missing a mandatory field or with a malformed expiry is POLICY_INVALID_WAIVER at its line', async () => {
  const missing = await tempFile(lines('waivers:', '  - rule: recall-floor', '    model: credit-scoring', '    owner: ana', '    ticket: RISK-12', '    justification: x', '    expires: 2026-03-31'));
  const problem = await rejectsWith(loadWaivers(missing), 'POLICY_INVALID_WAIVER');
  assert.deepEqual([problem.location?.line, problem.location?.column], [2, 5]);
  assert.match(problem.message, /missing field "approver"/);
  const badDate = await tempFile(lines('waivers:', '  - rule: r', '    model: m', '    owner: o', '    approver: a', '    ticket: t', '    justification: j', '    expires: next month'));
  const dateProblem = await rejectsWith(loadWaivers(badDate), 'POLICY_INVALID_WAIVER');
  assert.deepEqual([dateProblem.location?.line, dateProblem.location?.column], [8, 14]);
});

test('loadModelCard reads YAML and JSON with the digest of the bytes, and refuses a non-map', async () => {
  const yamlText = lines('intended_use: credit', 'owners: [risk]');
  const yamlCard = await loadModelCard(await tempFile(yamlText));
  assert.deepEqual(yamlCard.value, { intended_use: 'credit', owners: ['risk'] });
  assert.equal(yamlCard.digest, digestOf(yamlText));
  const jsonCard = await loadModelCard(await tempFile('{"training_data": {"source": "warehouse"}}', '.json'));
  assert.deepEqual(jsonCard.value, { training_data: { source: 'warehouse' } });
  await rejectsWith(loadModelCard(await tempFile('- a\n- b\n')), 'POLICY_INVALID_FIELD');
});
