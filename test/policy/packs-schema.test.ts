import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { evaluatePolicy, packs, policyJsonSchemaText, policySchemaPath, sectionFromFixture } from '../../src/policy/index.ts';
import { header, lines, policyOf } from './helpers.ts';

test('steward:four-fifths checks disparate impact within 0.8–1.25 for each declared column', () => {
  const policy = policyOf(lines(...header, 'extends: [steward:four-fifths]', 'data: { sensitive: [race, sex] }'));
  const findings = evaluatePolicy(policy, {
    metrics: sectionFromFixture({
      groups: [{ key: 'race=a', rows: 100 }, { key: 'race=b', rows: 100 }, { key: 'sex=f', rows: 100 }, { key: 'sex=m', rows: 100 }],
      disparities: [
        { metric: 'disparate_impact', grouping: 'race', value: 0.7, extremes: ['race=b', 'race=a'] },
        { metric: 'disparate_impact', grouping: 'sex', value: 1.1, extremes: ['sex=f', 'sex=m'] },
      ],
    }),
    waivers: [],
    now: new Date(0),
  });
  assert.deepEqual(findings.map((f) => [f.ruleId, f.grouping?.join('&'), f.status]), [
    ['four-fifths.disparate-impact', 'race', 'fail'],
    ['four-fifths.disparate-impact', 'sex', 'pass'],
  ]);
  assert.deepEqual(findings[0]?.bound, { min: 0.8, max: 1.25 });
  assert.equal(findings[0]?.location.line, 4);
});

test('steward:classification-baseline guards roc_auc, accuracy and log_loss against the baseline', () => {
  const policy = policyOf(lines(...header, 'extends: [steward:classification-baseline]'));
  const baseline = sectionFromFixture({ overall: { roc_auc: 0.8, accuracy: 0.9, log_loss: 0.3 } });
  const metrics = sectionFromFixture({ overall: { roc_auc: 0.79, accuracy: 0.85, log_loss: 0.34 } });
  const findings = evaluatePolicy(policy, { metrics, baseline, waivers: [], now: new Date(0) });
  assert.deepEqual(findings.map((f) => [f.metric, f.status]), [['roc_auc', 'pass'], ['accuracy', 'fail'], ['log_loss', 'fail']]);
});

test('every built-in pack is valid for a binary policy declaring a sensitive column', () => {
  for (const name of Object.keys(packs)) {
    const policy = policyOf(lines(...header, `extends: [${name}]`, 'data: { sensitive: [race] }'));
    assert.ok(policy.rules.length > 0 && policy.rules.every((rule) => rule.origin === name), name);
  }
});

test('the committed schema/policy.schema.json equals what the zod schema generates', async () => {
  const committed = await readFile(policySchemaPath, 'utf8');
  assert.equal(committed, policyJsonSchemaText(), 'run: node src/policy/write-schema.ts');
});

test('the JSON Schema accepts the documented example policy and rejects an unknown field', async () => {
  const validate = new Ajv2020({ strict: false }).compile(JSON.parse(policyJsonSchemaText()) as object);
  const docs = await readFile('docs/policy.md', 'utf8');
  const example = /```yaml\n(# steward-policy-example\n[\s\S]*?)```/.exec(docs)?.[1];
  assert.ok(example, 'docs/policy.md has the complete example');
  const value: unknown = parse(example);
  assert.equal(validate(value), true, JSON.stringify(validate.errors));
  assert.equal(validate({ ...(value as object), rulez: [] }), false);
  policyOf(example);
});
