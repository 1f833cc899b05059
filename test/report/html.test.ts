import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from '../../src/report/index.ts';
import { html } from '../../src/report/html-text.ts';
import { cleanVerdict, failingVerdict, hostileVerdict } from './fixtures.ts';

const page = (verdict = failingVerdict()): string => renderReport('html', verdict, { color: false });

test('the page is one HTML document with a language, a title and headings in order', () => {
  const text = page();
  assert.match(text, /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
  assert.match(text, /<title>Steward check failed: fairness-gate<\/title>/);
  const headings = [...text.matchAll(/<h([1-3])[ >]/g)].map((match) => Number(match[1]));
  assert.equal(headings[0], 1);
  headings.forEach((level, index) => assert.ok(index === 0 || level <= (headings[index - 1] ?? 1) + 1, 'no skipped heading level'));
  assert.ok(text.trimEnd().endsWith('</html>'));
});

test('the page is self-contained: no scripts, no external src or href, no web fonts, a restrictive CSP', () => {
  for (const text of [page(), page(hostileVerdict())]) {
    assert.ok(!/<script/i.test(text), 'no script element');
    assert.ok(!/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i.test(text), 'no network src/href');
    assert.ok(!/<link\b/i.test(text) && !/@import|@font-face|url\(/i.test(text), 'no stylesheet or font from elsewhere');
    assert.match(text, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  }
});

test('every finding is on the page with its rule, group and message', () => {
  const verdict = failingVerdict();
  const text = page(verdict);
  const rows = text.split('\n').filter((line) => line.startsWith('<tr><td class="status'));
  assert.equal(rows.length, verdict.findings.length);
  for (const finding of verdict.findings) {
    const row = rows.find((line) => line.includes(html(finding.message)));
    assert.ok(row, finding.message);
    assert.ok(row.includes(`<td>${html(finding.ruleId)}</td>`));
    if (finding.group !== undefined) assert.ok(row.includes(`<td>${html(finding.group)}</td>`));
  }
  assert.match(text, /waived until 2026-12-31 by RISK-142/);
});

test('each disparity has a chart of the per-group metric with error bars and n, and the bound as a line', () => {
  const verdict = failingVerdict();
  const text = page(verdict);
  const sections = text.split('<h3 id="disparity-').slice(1);
  assert.equal(sections.length, verdict.metrics.disparities.length);
  const dp = sections[0] ?? '';
  assert.match(dp, /^0">demographic_parity_ratio by race<\/h3>/);
  const black = verdict.metrics.groups.find((group) => group.key === 'race=black')?.metrics['selection_rate'];
  assert.ok(dp.includes(`race=black (n=${black?.n})`), 'group label with n');
  const groupChart = /<svg[^>]*aria-labelledby="disparity-0-groups-title">([\s\S]*?)<\/svg>/.exec(dp)?.[1] ?? '';
  assert.equal((groupChart.match(/<circle class="point"/g) ?? []).length, 3, 'one dot per race group');
  assert.equal((groupChart.match(/<line class="whisker"/g) ?? []).length, 9, 'whisker and two caps per group with an interval');
  assert.match(groupChart, /<g class="series-0 excluded"><text[^>]*>race=asian/, 'the excluded group is drawn apart');
  const strip = /<svg[^>]*aria-labelledby="disparity-0-value-title">([\s\S]*?)<\/svg>/.exec(dp)?.[1] ?? '';
  assert.match(strip, /<line class="bound"/);
  assert.match(strip, /<text class="bound-label"[^>]*>min 0\.800<\/text>/);
  assert.match(strip, /<text class="ideal-label"[^>]*>ideal 1<\/text>/);
  const eo = sections[1] ?? '';
  assert.ok(eo.includes('true_positive_rate · sex=female') && eo.includes('false_positive_rate · sex=female'), 'equalized odds charts TPR and FPR');
});

test('charts have a title for screen readers and a table with the same numbers', () => {
  const text = page();
  const svgs = text.match(/<svg [^>]*role="img" aria-labelledby="([^"]+)">\n<title id="\1">/g) ?? [];
  assert.equal(svgs.length, (text.match(/<svg /g) ?? []).length);
  assert.match(text, /<caption>selection_rate by group \(the numbers of the chart\)<\/caption>/);
  assert.match(text, /<tr><td>race=asian<\/td><td>selection_rate<\/td><td class="num">0\.333<\/td>.*<td>excluded<\/td><\/tr>/);
});

test('per-group metric tables cover every grouping, intersections included', () => {
  const text = page();
  for (const heading of ['By race', 'By sex', 'By race&amp;sex']) assert.ok(text.includes(`<h3>${heading}</h3>`), heading);
});

test('data is escaped everywhere: no markup from group values, messages, waivers or the policy name', () => {
  const text = page(hostileVerdict());
  assert.ok(!text.includes('</script>') && !text.includes('<y') && !text.includes('"q"'));
  assert.ok(text.includes('x&lt;y &amp; &quot;q&quot; &#39;a&#39;'));
  assert.ok(![...text].some((char) => (char.codePointAt(0) ?? 0) < 0x20 && char !== '\n' && char !== '\t'), 'no control characters');
});

test('a check without disparities has no disparity section', () => {
  const verdict = cleanVerdict();
  const text = page({ ...verdict, metrics: { ...verdict.metrics, disparities: [] } });
  assert.ok(!text.includes('id="disparities"') && !text.includes('<svg'));
});
