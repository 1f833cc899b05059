import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { analyzeMonitor, monitorJsonSchemaText, monitorSchemaPath } from '../../src/policy/monitor/index.ts';
import { basicMonitor } from './helpers.ts';

const analyze = (text: string) => analyzeMonitor('monitor.yaml', new TextEncoder().encode(text));

test('a valid monitor gets its defaults: warn-level missing-rate rule, error dataset drift at share 0.5, PagerDuty default URL', () => {
  const { monitor, problems } = analyze(basicMonitor('notify:\n  - type: pagerduty\n    routing_key_env: PD_KEY\nalerting:\n  cooldown: 2h\n'));
  assert.deepEqual(problems, []);
  assert.equal(monitor?.datasetDrift.share, 0.5);
  assert.equal(monitor?.datasetDrift.severity, 'error');
  assert.equal(monitor?.missingRate.maxChange, 0.05);
  assert.equal(monitor?.alerting.cooldownMs, 2 * 3_600_000);
  assert.deepEqual(monitor?.notify, [{ type: 'pagerduty', url: 'https://events.pagerduty.com/v2/enqueue', routingKeyEnv: 'PD_KEY' }]);
  assert.ok(monitor !== undefined && monitor.columns !== 'infer' && monitor.columns.every((column) => column.severity === 'error'));
});

test('a misspelt field is reported at its line and column with a did-you-mean hint', () => {
  const { problems } = analyze(basicMonitor('dataset_drift:\n  shares: 0.3\n'));
  assert.equal(problems[0]?.code, 'MONITOR_INVALID_FIELD');
  assert.equal(problems[0]?.location?.line, 12);
  assert.equal(problems[0]?.location?.column, 3);
  assert.match(problems[0]?.hint ?? '', /share/);
});

test('a CEL error in a rule points inside the expression', () => {
  const { problems } = analyze(basicMonitor('rules:\n  - id: bad\n    expression: "share < "\n'));
  assert.equal(problems[0]?.code, 'POLICY_CEL_SYNTAX');
  assert.equal(problems[0]?.location?.line, 13);
  assert.ok((problems[0]?.location?.column ?? 0) > 17);
});

test('a label rule grouping by an undeclared sensitive column is refused', () => {
  const { problems } = analyze(basicMonitor('labels:\n  y_true: y\n  y_pred: p\n  sensitive: [sex]\n  metrics:\n    - id: dp\n      metric: demographic_parity_ratio\n      grouping: race\n      min: 0.8\n'));
  assert.equal(problems[0]?.code, 'MONITOR_UNKNOWN_COLUMN');
});

test('schema/monitor.schema.json is the JSON Schema generated from the zod schema (node src/policy/monitor/write-schema.ts)', () => {
  assert.equal(readFileSync(monitorSchemaPath, 'utf8'), monitorJsonSchemaText());
});
