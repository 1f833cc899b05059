import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripVTControlCharacters } from 'node:util';
import type { Verdict } from '../../src/core/index.ts';
import { renderReport } from '../../src/report/index.ts';
import { failingVerdict, hostile, hostileVerdict, passingVerdict } from './fixtures.ts';

const text = (verdict: Verdict, color = false, width?: number): string =>
  renderReport('text', verdict, { color, ...(width === undefined ? {} : { width }) });

test('the headline says FAIL or PASS and counts every status', () => {
  const failing = text(failingVerdict()).split('\n');
  assert.match(failing[0] ?? '', /^✗ FAIL {2}policy fairness-gate · model credit-scoring@1\.4\.0$/);
  assert.match(failing[1] ?? '', /1 fail · 1 warn · 1 insufficient evidence · 1 waived · 3 pass/);
  assert.match(text(passingVerdict()).split('\n')[0] ?? '', /^✓ PASS/);
});

test('findings that are not passes come first, worst first, with rule, group, value vs bound, interval and n', () => {
  const report = text(failingVerdict());
  const order = ['✗ FAIL  dp-ratio-race [race]', '! WARN  eo-diff-sex [sex]', '? INSUFFICIENT EVIDENCE  recall-per-group [race=asian]', '~ WAIVED  recall-per-group [race=black]'];
  const positions = order.map((line) => report.indexOf(line));
  assert.ok(positions.every((position) => position >= 0), 'every non-pass finding is listed');
  assert.deepEqual([...positions].sort((a, b) => a - b), positions);
  assert.ok(report.includes('demographic_parity_ratio 0.742 (needs ≥ 0.800)'));
  assert.ok(report.includes('95% CI [0.655, 0.838] bootstrap · n=1,960 · policies/fairness.yaml:12:5'));
  assert.ok(report.includes('true_positive_rate n/a (needs ≥ 0.600)'), 'a null value reads n/a');
  assert.ok(report.indexOf('Groups by race') > (positions[3] ?? Infinity), 'group tables follow the findings');
});

test('the waiver is shown with its ticket, expiry and approver', () => {
  assert.match(text(failingVerdict()), /waived until 2026-12-31 \(RISK-142; owner ana@example\.com, approved by\s+risk-board@example\.com\)/);
});

test('each single-column grouping gets a table of key metrics per group, intersections do not', () => {
  const verdict = failingVerdict();
  const report = text(verdict);
  assert.ok(report.includes('Groups by race') && report.includes('Groups by sex'));
  assert.ok(!report.includes('Groups by race&sex'));
  const black = verdict.metrics.groups.find((group) => group.key === 'race=black');
  const selection = black?.metrics['selection_rate']?.value ?? Number.NaN;
  const row = report.split('\n').find((line) => line.trimStart().startsWith('race=black '));
  assert.ok(row, 'race=black has a row');
  assert.ok(row.includes(`${(selection * 100).toFixed(1)}%`), 'selection rate as a percentage');
  assert.ok(row.includes('800'), 'group n');
  const asian = report.split('\n').find((line) => line.trimStart().startsWith('race=asian ') && line.includes('%'));
  assert.match(asian ?? '', /n\/a$/, 'undefined AUC is n/a');
  assert.ok(report.includes('demographic_parity_ratio = 0.742 95% CI [0.655, 0.838] bootstrap (ideal 1; excluded: race=asian)'));
});

test('passes are listed briefly by name', () => {
  assert.match(text(failingVerdict()), /Passed \(3\)\n {2}recall-per-group \[race=white\] · auc-floor · model-card-intended-use/);
});

test('no line is wider than the width, 100 by default, down to 80', () => {
  for (const width of [undefined, 120, 90, 80]) {
    for (const verdict of [failingVerdict(), hostileVerdict()]) {
      const lines = text(verdict, false, width).split('\n');
      const widest = Math.max(...lines.map((line) => [...line].length));
      assert.ok(widest <= (width ?? 100), `widest line ${widest} at width ${width ?? 100}`);
    }
  }
});

test('colour appears only when asked, and stripping it gives the plain report', () => {
  const plain = text(failingVerdict());
  const coloured = text(failingVerdict(), true);
  assert.ok(!plain.includes('\u001b['));
  assert.ok(coloured.includes('\u001b[31m'), 'failures in red');
  assert.equal(stripVTControlCharacters(coloured), plain);
});

test('control characters from the data cannot reach the terminal', () => {
  const report = text(hostileVerdict());
  assert.ok(!report.includes('\u0001') && !report.includes('\u0008') && !report.includes('\u001b'));
  assert.ok(report.includes('\\u0001'), 'shown as a visible escape');
  assert.ok(report.includes(hostile.slice(0, 10)), 'the rest of the text is kept');
});

test('a data check (no predictions) shows each group\'s share, base rate and missing share', () => {
  const verdict = failingVerdict();
  const dataSlice = (key: string, group: Record<string, string>, rows: number, positives: number) => ({
    key,
    grouping: Object.keys(group),
    group,
    rows,
    weight: rows,
    metrics: {
      count: { value: rows, n: rows },
      representation: { value: rows / 1000, n: 1000 },
      base_rate: { value: positives / rows, n: rows },
      missing_share: { value: 0.01, n: rows * 4 },
    },
  });
  const metrics = {
    task: 'binary' as const,
    overall: dataSlice('overall', {}, 1000, 700),
    groups: [dataSlice('race=a', { race: 'a' }, 600, 450), dataSlice('race=b', { race: 'b' }, 400, 250)],
    disparities: [],
  };
  const text = renderReport('text', { ...verdict, metrics }, { color: false });
  assert.match(text, /group\s+n\s+share\s+base rate\s+missing/);
  assert.match(text, /race=a\s+600\s+60\.0%\s+75\.0%\s+1\.0%/);
  assert.match(text, /race=b\s+400\s+40\.0%\s+62\.5%\s+1\.0%/);
});
