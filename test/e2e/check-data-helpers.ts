import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { runCheck, type ColumnOverrides } from '../../src/app/index.ts';
import type { Finding, Verdict } from '../../src/core/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'steward-data-check-'));
let counter = 0;

/** Writes `text` to a fresh file in a temporary folder and returns its path. */
export function fileOf(text: string, extension: string): string {
  counter += 1;
  const file = join(dir, `f${counter}${extension}`);
  writeFileSync(file, text);
  return file;
}

/** A dataset policy: `data` and `rules` are YAML written under `data:` and `rules:` (two-space indented). */
export function dataPolicy(data: readonly string[], rules: readonly string[], settings: readonly string[] = ['min_group_size: 1']): string {
  return [
    'apiVersion: steward/v1',
    'kind: Policy',
    'metadata: { name: data-test }',
    'data:',
    '  task: dataset',
    ...data.map((line) => `  ${line}`),
    'settings:',
    ...settings.map((line) => `  ${line}`),
    'rules:',
    ...rules.map((line) => `  ${line}`),
    '',
  ].join('\n');
}

/** Runs the dataset check in process on CSV `rows` (first row the header). */
export async function checkData(policy: string, rows: readonly (readonly (string | number)[])[], extra: { waivers?: string; model?: string; columns?: ColumnOverrides } = {}): Promise<Verdict> {
  const dataFile = fileOf(`${rows.map((row) => row.join(',')).join('\n')}\n`, '.csv');
  return runCheck({
    policyFile: fileOf(policy, '.yaml'),
    dataFile,
    now: new Date('2026-11-26T12:00:00Z'),
    ...(extra.waivers === undefined ? {} : { waiversFile: fileOf(extra.waivers, '.yaml') }),
    ...(extra.model === undefined ? {} : { model: extra.model }),
    ...(extra.columns === undefined ? {} : { columns: extra.columns }),
  });
}

/** The findings of one rule. */
export function findingsOf(verdict: Verdict, ruleId: string): Finding[] {
  const found = verdict.findings.filter((finding) => finding.ruleId === ruleId);
  assert.ok(found.length > 0, `no finding of ${ruleId}: ${verdict.findings.map((f) => f.ruleId).join(', ')}`);
  return found;
}

/** The one finding of a rule for `group` (or the only one). */
export function findingOf(verdict: Verdict, ruleId: string, group?: string): Finding {
  const found = findingsOf(verdict, ruleId).filter((finding) => group === undefined || finding.group === group || finding.grouping?.join('&') === group);
  assert.equal(found.length, 1, `${ruleId}@${group ?? ''}: ${found.map((f) => f.message).join(' | ')}`);
  return found[0] as Finding;
}
