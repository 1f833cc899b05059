import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Verdict } from '../../src/core/index.ts';
import { renderReport } from '../../src/report/index.ts';
import { failingVerdict, hostileVerdict, passingVerdict, seal } from './fixtures.ts';
import { repoRoot } from './schema-file.ts';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string }[];
  properties: { status: string; group?: string };
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; version: string; rules: { id: string; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[];
}

function sarif(verdict: Verdict, policyFile?: string): SarifLog {
  return JSON.parse(renderReport('sarif', verdict, { color: false, ...(policyFile === undefined ? {} : { policyFile }) })) as SarifLog;
}

function run(verdict: Verdict, policyFile?: string): SarifLog['runs'][number] {
  const first = sarif(verdict, policyFile).runs[0];
  assert.ok(first);
  return first;
}

function validator(): (data: unknown) => string {
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'report', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? '' : JSON.stringify(validate.errors));
}

test('SARIF logs of every fixture validate against the OASIS SARIF 2.1.0 schema', () => {
  const validate = validator();
  for (const verdict of [failingVerdict(), passingVerdict(), hostileVerdict()]) assert.equal(validate(sarif(verdict)), '');
  const broken = sarif(failingVerdict());
  (broken.runs[0]?.results[0] as { level: string }).level = 'fatal';
  assert.notEqual(validate(broken), '', 'the validator does reject a log SARIF does not allow');
});

test('the driver is steward at the verdict tool version, with one rule per policy rule id and its severity as level', () => {
  const verdict = failingVerdict();
  const { driver } = run(verdict).tool;
  assert.equal(driver.name, 'steward');
  assert.equal(driver.version, verdict.tool.version);
  assert.deepEqual(driver.rules.map((rule) => rule.id), [...new Set(verdict.findings.map((finding) => finding.ruleId))]);
  const eo = driver.rules.find((rule) => rule.id === 'eo-diff-sex');
  assert.equal(eo?.defaultConfiguration.level, 'warning');
});

test('results: fail is an error, warn a warning, insufficient evidence a note; passes are left out', () => {
  const verdict = failingVerdict();
  const { results } = run(verdict);
  const byStatus = new Map(results.map((result) => [result.properties.status, result.level]));
  assert.equal(byStatus.get('fail'), 'error');
  assert.equal(byStatus.get('warn'), 'warning');
  assert.equal(byStatus.get('insufficient_evidence'), 'note');
  assert.equal(results.length, verdict.findings.length - verdict.summary.pass);
  assert.equal(run(passingVerdict()).results.every((result) => result.properties.status !== 'pass'), true);
});

test('a waived finding carries an accepted external suppression with the waiver justification', () => {
  const waived = run(failingVerdict()).results.filter((result) => result.properties.status === 'waived');
  assert.equal(waived.length, 1);
  const suppression = waived[0]?.suppressions?.[0];
  assert.equal(suppression?.kind, 'external');
  assert.equal(suppression?.status, 'accepted');
  assert.match(suppression?.justification ?? '', /Retraining with the 2026-Q3 data.*RISK-142/);
  assert.equal(run(failingVerdict()).results.filter((result) => result.suppressions !== undefined).length, 1);
});

test('each result points at its rule in the policy file given on the command line, as a relative URI', () => {
  const results = run(failingVerdict(), '.\\config\\my policies\\fairness.yaml').results;
  const fail = results.find((result) => result.ruleId === 'dp-ratio-race');
  assert.deepEqual(fail?.locations[0]?.physicalLocation, {
    artifactLocation: { uri: 'config/my%20policies/fairness.yaml' },
    region: { startLine: 12, startColumn: 5 },
  });
  const defaulted = run(failingVerdict()).results[0]?.locations[0]?.physicalLocation.artifactLocation.uri;
  assert.equal(defaulted, 'policies/fairness.yaml');
});

test('ruleIndex points at the result rule in the driver', () => {
  const { tool, results } = run(failingVerdict());
  for (const result of results) assert.equal(tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
});

test('fingerprints are stable across runs when only the value changes, and distinct between findings', () => {
  const verdict = failingVerdict();
  const { digest: _d, summary: _s, outcome: _o, ...rest } = verdict;
  const worse = seal({ ...rest, findings: verdict.findings.map((finding) => ({ ...finding, value: 0.5, message: 'worse' })) });
  const prints = (log: SarifResult[]): string[] => log.map((result) => result.partialFingerprints['stewardFinding/v1'] ?? '');
  const before = prints(run(verdict).results);
  assert.deepEqual(prints(run(worse).results), before);
  assert.equal(new Set(before).size, before.length);
});

test('the result message carries the finding message and its evidence', () => {
  const fail = run(failingVerdict()).results.find((result) => result.ruleId === 'dp-ratio-race');
  assert.match(fail?.message.text ?? '', /^Selection rate of race=black .*\nmetric: demographic_parity_ratio\nvalue: 0\.742 \(needs ≥ 0\.800\)/);
});
