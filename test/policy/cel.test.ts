import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alignChar } from '../../src/policy/yaml-source.ts';
import { evaluatePolicy, sectionFromFixture } from '../../src/policy/index.ts';
import { header, lines, onlyProblem, policyOf } from './helpers.ts';

const withExpression = (...rows: string[]) => lines(...header, 'data: { sensitive: [race] }', 'rules:', '  - id: custom', ...rows);

test('a CEL syntax error points at the offending character inside a single-quoted expression', () => {
  // `    expression: '` is 17 characters, so expression index i is column 18 + i.
  const expression = 'overall.recall >= 0.6 &&& true';
  const problem = onlyProblem(withExpression(`    expression: '${expression}'`), 'POLICY_CEL_SYNTAX', 7, 18 + expression.indexOf('&&&') + 2);
  assert.match(problem.message, /rule "custom"/);
});

test('a CEL type error points at the ill-typed subexpression, through double-quote escapes', () => {
  const problem = onlyProblem(withExpression('    expression: "overall.recall >= \\"high\\""'), 'POLICY_CEL_TYPE', 7, 18);
  assert.match(problem.message, /double >= string/);
  const inner = onlyProblem(withExpression(`    expression: "groups.all(g, g.metrics.recall >= \\"x\\")"`), 'POLICY_CEL_TYPE', 7, 18 + 'groups.all(g, '.length);
  assert.match(inner.message, /double >= string/);
});

test('a CEL error in a literal block scalar is located on its own line', () => {
  const text = withExpression('    expression: |', '      overall.recall >= 0.6 &&', '      overall.precision >= "x"');
  onlyProblem(text, 'POLICY_CEL_TYPE', 9, 7);
});

test('an unknown variable and a non-bool result are POLICY_CEL_TYPE', () => {
  const unknown = onlyProblem(withExpression("    expression: 'metrics.recall >= 0.5'"), 'POLICY_CEL_TYPE', 7, 18);
  assert.match(unknown.message, /metrics/);
  const number = onlyProblem(withExpression("    expression: 'overall.recall'"), 'POLICY_CEL_TYPE', 7, 18);
  assert.match(number.message, /returns double, not bool/);
});

test('alignChar maps every character of a JSON-quoted string to where it is written', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1 }), fc.nat(), (value, seed) => {
      const index = seed % value.length;
      const source = JSON.stringify(value);
      const offset = alignChar(value, source, index);
      // The character at the mapped offset starts the encoding of value[index]: itself, or its escape.
      const written = source.slice(offset);
      const encoded = JSON.stringify(value[index]).slice(1, -1);
      assert.ok(written.startsWith(encoded) || written.startsWith(value[index] ?? ''), `${source} @${index} → ${offset}`);
      // And it is at or after the encodings of all earlier characters.
      assert.ok(offset >= JSON.stringify(value.slice(0, index)).length - 2);
    }),
  );
});

const metrics = sectionFromFixture({
  overall: { rows: 500, recall: 0.7, roc_auc: null },
  groups: [
    { key: 'race=a', rows: 300, recall: 0.72 },
    { key: 'race=b', rows: 20, recall: 0.3 },
  ],
  disparities: [{ metric: 'equal_opportunity_difference', grouping: 'race', value: 0.42 }],
});
const now = new Date('2026-01-01T00:00:00Z');
const statusOf = (expression: string, extra: { baseline?: typeof metrics; modelCard?: unknown } = {}) => {
  const policy = policyOf(withExpression(`    expression: '${expression}'`));
  const [finding] = evaluatePolicy(policy, { metrics, waivers: [], now, ...extra });
  assert.ok(finding);
  return finding;
};

test('an expression over overall and groups passes when true and fails when false', () => {
  assert.equal(statusOf('overall.recall >= 0.6 && groups.all(g, g.rows < 30 || g.metrics.recall >= 0.5)').status, 'pass');
  const failed = statusOf('groups.all(g, g.metrics.recall >= 0.5)');
  assert.equal(failed.status, 'fail');
  assert.match(failed.message, /does not hold/);
});

test('disparities are keyed metric:grouping:aggregation and baseline is empty without a baseline', () => {
  assert.equal(statusOf('disparities["equal_opportunity_difference:race:between_groups"] <= 0.1').status, 'fail');
  assert.equal(statusOf('size(baseline) == 0').status, 'pass');
  const baseline = sectionFromFixture({ overall: { recall: 0.75 } });
  assert.equal(statusOf('overall.recall >= baseline.recall - 0.1', { baseline }).status, 'pass');
});

test('a null metric is absent from its map: has() is false and reading it is insufficient evidence', () => {
  assert.equal(statusOf('!has(overall.roc_auc)').status, 'pass');
  const finding = statusOf('overall.roc_auc >= 0.7');
  assert.equal(finding.status, 'insufficient_evidence');
  assert.match(String(finding.evidence?.error), /roc_auc/);
});

test('the model card is visible as card', () => {
  assert.equal(statusOf('card.owners.size() > 0', { modelCard: { owners: ['risk-team'] } }).status, 'pass');
  assert.equal(statusOf('has(card.owners)').status, 'fail');
});
