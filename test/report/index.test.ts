import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStewardError, type Verdict } from '../../src/core/index.ts';
import { parseReportFormat, renderReport, reportFormats } from '../../src/report/index.ts';
import { emptyRegressionVerdict, failingVerdict, hostileVerdict } from './fixtures.ts';

/** A copy with every object's members inserted in reverse order: equal as data, different in construction. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversed(item)]));
}

test('every format renders the same verdict to the same bytes, however its objects were built', () => {
  for (const verdict of [failingVerdict(), hostileVerdict()]) {
    for (const format of reportFormats) {
      const once = renderReport(format, verdict, { color: false });
      assert.equal(renderReport(format, verdict, { color: false }), once, `${format} twice`);
      assert.equal(renderReport(format, reversed(verdict) as Verdict, { color: false }), once, `${format} reordered`);
    }
  }
});

test('the formats are the six the CLI offers, each producing different output', () => {
  assert.deepEqual([...reportFormats], ['text', 'json', 'junit', 'sarif', 'markdown', 'html']);
  const outputs = new Set(reportFormats.map((format) => renderReport(format, failingVerdict(), { color: false })));
  assert.equal(outputs.size, reportFormats.length);
});

test('parseReportFormat accepts each format and rejects others with USAGE_UNKNOWN_FORMAT and a suggestion', () => {
  for (const format of reportFormats) assert.equal(parseReportFormat(format), format);
  assert.throws(
    () => parseReportFormat('sarfi'),
    (error: unknown) =>
      isStewardError(error) &&
      error.code === 'USAGE_UNKNOWN_FORMAT' &&
      error.problem.expected === 'one of: text, json, junit, sarif, markdown, html' &&
      error.problem.hint === 'did you mean "sarif"?',
  );
});

test('a verdict with no rules, no groups and a regression task renders in every format, overall metrics included', () => {
  const verdict = emptyRegressionVerdict();
  for (const format of reportFormats) assert.ok(renderReport(format, verdict, { color: false }).length > 0, format);
  const text = renderReport('text', verdict, { color: false });
  assert.match(text, /^✓ PASS {2}policy empty\n/);
  assert.ok(!text.includes('Groups by'), 'no grouping table');
  assert.match(text, /Overall\n.*MAE +RMSE +R²\n {2}overall +500 +12\.500 +17\.250 +n\/a\n/, 'regression key metrics of the overall slice');
  assert.match(renderReport('markdown', verdict, { color: false }), /\*\*Overall\*\*\n\n\| Group \| n \| MAE \| RMSE \| R² \|/);
  assert.equal(JSON.parse(renderReport('sarif', verdict, { color: false })).runs[0].results.length, 0);
  assert.equal(renderReport('junit', verdict, { color: false }), '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n</testsuites>\n');
});
