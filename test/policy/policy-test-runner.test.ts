import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPolicyTests } from '../../src/policy/index.ts';
import { header, lines, rejectsWith, tempFile } from './helpers.ts';

const policyText = lines(
  ...header,
  'extends: [steward:four-fifths]',
  'model: credit-scoring',
  'data: { sensitive: [race] }',
  'rules:',
  '  - id: recall-floor',
  '    metric: recall',
  '    scope: every_group',
  '    min: 0.6',
);

const cases = lines(
  'cases:', //                                                           1
  '  - name: fair and accurate', //                                      2
  '    metrics:', //                                                     3
  '      groups:', //                                                    4
  '        - { key: race=a, rows: 100, recall: 0.7 }', //                5
  '        - { key: race=b, rows: 10, recall: 0.2 }', //                 6
  '      disparities:', //                                               7
  '        - { metric: disparate_impact, grouping: race, value: 0.95 }', // 8
  '    expect:', //                                                      9
  '      four-fifths.disparate-impact: pass', //                         10
  '      recall-floor@race=a: pass', //                                  11
  '      recall-floor@race=b: insufficient_evidence', //                 12
  '  - name: waived unfairness', //                                      13
  '    now: 2026-01-01', //                                              14
  '    metrics:', //                                                     15
  '      groups: [{ key: race=a, rows: 50, recall: 0.9 }, { key: race=b, rows: 50, recall: 0.8 }]', // 16
  '      disparities: [{ metric: disparate_impact, grouping: race, value: 0.5 }]', // 17
  '    waivers:', //                                                     18
  '      - { rule: four-fifths.disparate-impact, model: credit-scoring, owner: a, approver: b, ticket: T-1, justification: j, expires: 2026-02-01 }',
  '    expect:', //                                                      20
  '      four-fifths.disparate-impact: waived', //                       21
  '      recall-floor: pass', //                                         22
);

test('a test file whose expectations all hold passes every case', async () => {
  const report = await runPolicyTests(await tempFile(policyText), await tempFile(cases));
  assert.deepEqual(report.cases.map((c) => [c.name, c.passed, c.mismatches]), [
    ['fair and accurate', true, []],
    ['waived unfairness', true, []],
  ]);
  assert.deepEqual([report.passed, report.failed], [2, 0]);
});

test('a mismatch names the case, the rule, expected and actual status, at its expect line', async () => {
  const wrong = cases.replace('recall-floor@race=b: insufficient_evidence', 'recall-floor@race=b: pass').replace('recall-floor: pass', 'no-such-rule: pass');
  const report = await runPolicyTests(await tempFile(policyText), await tempFile(wrong));
  assert.deepEqual([report.passed, report.failed], [0, 2]);
  const [first, second] = report.cases.map((c) => c.mismatches[0]);
  assert.equal(first?.code, 'POLICY_TEST_FAILED');
  assert.match(first?.message ?? '', /^case "fair and accurate": recall-floor@race=b expected pass, got insufficient_evidence/);
  assert.deepEqual([first?.location?.line, first?.location?.column], [12, 7]);
  assert.match(second?.message ?? '', /no-such-rule expected pass, no finding matches it/);
});

test('a malformed test file is a located POLICY_INVALID_FIELD', async () => {
  const problem = await rejectsWith(runPolicyTests(await tempFile(policyText), await tempFile(cases.replace('expect:\n      four-fifths.disparate-impact: pass', 'expect:\n      four-fifths.disparate-impact: passes'))), 'POLICY_INVALID_FIELD');
  assert.deepEqual([problem.location?.line, problem.location?.column], [10, 37]);
});
