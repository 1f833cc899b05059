import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from '../../src/report/index.ts';
import { cleanVerdict, failingVerdict, hostileVerdict, passingVerdict } from './fixtures.ts';

const markdown = (verdict = failingVerdict()): string => renderReport('markdown', verdict, { color: false });

/** The cells of a GFM table row, splitting on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

test('the heading shows ❌ for a failed check and ✅ for a passed one', () => {
  assert.match(markdown(), /^## ❌ Steward check failed: fairness-gate\n/);
  assert.match(markdown(passingVerdict()), /^## ✅ Steward check passed: fairness-gate\n/);
});

test('the visible table lists exactly the failing and warning findings, before any <details>', () => {
  const visible = markdown().split('<details>')[0] ?? '';
  const rows = visible.split('\n').filter((line) => line.startsWith('| ❌') || line.startsWith('| ⚠️'));
  assert.deepEqual(rows.map((row) => cells(row)[1]), ['dp-ratio-race', 'eo-diff-sex']);
  assert.ok(!visible.includes('recall-per-group'), 'no other finding is outside <details>');
  const fail = cells(rows[0] ?? '');
  assert.deepEqual(fail.slice(3, 8), ['demographic\\_parity\\_ratio', '0.742', '≥ 0.800', '95% CI \\[0.655, 0.838\\] bootstrap', '1,960']);
});

test('a check with only passes says there is nothing to look at', () => {
  assert.match(markdown(cleanVerdict()).split('<details>')[0] ?? '', /No failing or warning findings\./);
});

test('<details> holds every finding and the per-group metrics of every grouping, intersections included', () => {
  const verdict = failingVerdict();
  const [, all = '', groups = ''] = markdown(verdict).split('<details>');
  const findingRows = all.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Status') && !line.startsWith('| ---'));
  assert.equal(findingRows.length, verdict.findings.length);
  assert.match(all, /waived until 2026-12-31 by RISK-142/);
  for (const heading of ['**By race**', '**By sex**', '**By race&amp;sex**']) assert.ok(groups.includes(heading), heading);
  for (const group of verdict.metrics.groups) assert.ok(groups.includes(`| ${group.key.replace('&', '&amp;')} |`), group.key);
});

test('every table row has as many cells as its header, even with pipes in the data', () => {
  const lines = markdown(hostileVerdict()).split('\n');
  let width = 0;
  for (const line of lines) {
    if (!line.startsWith('| ')) {
      width = 0;
      continue;
    }
    const count = cells(line).length;
    if (width === 0) width = count;
    assert.equal(count, width, line);
  }
});

test('data cannot inject markup: tags, links, emphasis and code are escaped', () => {
  const text = markdown(hostileVerdict());
  assert.ok(!text.includes('</script>') && !text.includes('<y'), 'no raw tags from the data');
  assert.ok(text.includes('&lt;/script&gt;'));
  assert.ok(text.includes('\\[f\\](g)') && text.includes('\\*d\\*') && text.includes('\\`c\\`') && text.includes('\\_e\\_'));
  assert.ok(![...text].some((char) => (char.codePointAt(0) ?? 0) < 0x20 && char !== '\n'), 'no control characters');
});
