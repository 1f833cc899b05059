import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ExplainSection, Finding, Verdict } from '../../src/core/index.ts';
import { renderReport, reportFormats } from '../../src/report/index.ts';
import { verdictSchema } from '../../src/report/verdict-schema.ts';
import { failingVerdict, hostile, seal } from './fixtures.ts';
import { schemaFile } from './schema-file.ts';

const explain: ExplainSection = {
  features: ['income', 'zip', 'race'],
  protected: ['race'],
  proxies: ['zip'],
  attributions: {
    alignment: 'id',
    overall: { key: 'overall', rows: 200, usable: 200, coverage: 1, protectedShare: 0, proxyShare: 0.4, features: [
      { feature: 'income', importance: 0.6, meanAttribution: 0, share: 0.6 },
      { feature: 'zip', importance: 0.4, meanAttribution: 0.01, share: 0.4 },
      { feature: 'race', importance: 0, meanAttribution: 0, share: 0 },
    ] },
    groups: [
      { key: 'race=a', rows: 100, usable: 100, coverage: 1, protectedShare: 0, proxyShare: 0.25, features: [
        { feature: 'income', importance: 0.75, meanAttribution: 0, share: 0.75 },
        { feature: 'zip', importance: 0.25, meanAttribution: 0, share: 0.25 },
        { feature: 'race', importance: 0, meanAttribution: 0, share: 0 },
      ] },
    ],
    disparities: [{ column: 'race', feature: 'zip', value: 0.3, extremes: ['race=a', 'race=b'], excluded: [] }],
  },
  stability: { k: 2, spearman: 0.5, kendallTauB: 0.333, topKOverlap: 0.5, onlyCurrent: [], onlyBaseline: [] },
  associations: [{ feature: 'zip', kind: 'category', sensitive: 'race', n: 200, cramersV: 0.62, cramersVCorrected: 0.61, correlationRatio: null, normalizedMutualInformation: 0.3, importanceRank: 2 }],
  flips: {
    endpoint: 'http://model:8080/predict', protocol: 'json', sampled: 200, threshold: 0.5,
    tests: [{ sensitive: 'race', proxies: ['zip'], requests: 400, overall: { rows: 200, flipped: 30, rate: 0.15 }, groups: [
      { value: 'a', rows: 100, flipped: 20, rate: 0.2, interval: { low: 0.133, high: 0.289, level: 0.95, method: 'wilson' } },
      { value: 'b', rows: 100, flipped: 10, rate: 0.1, interval: { low: 0.055, high: 0.174, level: 0.95, method: 'wilson' } },
    ] }],
  },
};

const proxyFinding: Finding = {
  ruleId: 'no-proxy', kind: 'proxy', severity: 'error', status: 'fail', metric: 'cramers_v', grouping: ['race'], value: 0.62, bound: { max: 0.5 }, n: 200,
  message: "zip is a proxy of race: Cramér's V 0.62 > 0.5 (importance rank 2)",
  evidence: { feature: 'zip', sensitive: 'race', cramers_v: 0.62 },
  location: { file: 'policy.yaml', line: 20, column: 5 },
};

function explainVerdict(section: ExplainSection = explain): Verdict {
  const { digest: _d, summary: _s, outcome: _o, ...rest } = failingVerdict();
  return seal({ ...rest, explain: section, findings: [...rest.findings, proxyFinding] });
}

test('every report format shows the proxy finding with its evidence', () => {
  const verdict = explainVerdict();
  for (const format of reportFormats) {
    const text = renderReport(format, verdict, { color: false, policyFile: 'policy.yaml', width: 120 });
    assert.match(text, /zip is a proxy of race: Cramér(?:'|&#39;|&apos;)s V 0\.62 (?:>|&gt;) 0\.5 \(importance rank 2\)/, format);
  }
});

test('the text and Markdown reports summarise the explain block: shares, proxies, stability, flip rates with intervals', () => {
  const verdict = explainVerdict();
  const text = renderReport('text', verdict, { color: false, policyFile: 'policy.yaml', width: 200 });
  assert.match(text, /Explainability\n/);
  assert.match(text, /attributions: 200 rows aligned by id, coverage 100(\.0)?%, protected share 0(\.0)?%, proxy share 40(\.0)?%/);
  assert.match(text, /proxies: zip/);
  assert.match(text, /associations: zip~race Cramér's V 0\.620 \(rank 2\)/);
  assert.match(text, /stability: top-2 overlap 0\.500, Spearman 0\.500, Kendall τ-b 0\.333/);
  assert.match(text, /flips \(race\): race=a 20\.0% of 100 \(95% CI \[0\.133, 0\.289\] wilson\) · race=b 10\.0% of 100 .* — 200 rows sent to http:\/\/model:8080\/predict with zip swapped/);
  const markdown = renderReport('markdown', verdict, { color: false, policyFile: 'policy.yaml' });
  assert.match(markdown, /<summary>Explainability<\/summary>/);
  assert.match(markdown, /- \*\*flips \(race\)\*\*: race=a 20/);
});

test('the HTML report charts the share of attribution per feature for overall and each group, with tables', () => {
  const page = renderReport('html', explainVerdict(), { color: false, policyFile: 'policy.yaml' });
  assert.match(page, /<h3>Feature importance by group<\/h3>/);
  const titles = [...page.matchAll(/<title id="importance-\d+-title">([^<]*)<\/title>/g)].map((m) => m[1]);
  assert.deepEqual(titles, ['importance of features for overall', 'importance of features for race=a']);
  // Bar width is the share of the plot (400 px): income's 75 % for race=a is 300 px wide.
  assert.match(page, /<rect class="bar" x="160" y="[\d.]+" width="300.0" height="12"\/>/);
  assert.match(page, /<th scope="row">race=a<\/th><td class="num">100<\/td><td class="num">20<\/td>/);
  assert.doesNotMatch(page, /<script/);
});

test('hostile feature names are escaped in the HTML explain section', () => {
  const page = renderReport('html', explainVerdict({ ...explain, proxies: [hostile], associations: [{ ...(explain.associations[0] as ExplainSection['associations'][number]), feature: hostile }] }), { color: false, policyFile: 'policy.yaml' });
  assert.ok(!page.includes('<y & "q"'));
  assert.ok(page.includes('x&lt;y &amp; &quot;q&quot;'));
});

test('a verdict with an explain block validates against the JSON Schema and the zod schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  const json = JSON.parse(renderReport('json', explainVerdict(), { color: false, policyFile: 'policy.yaml' })) as unknown;
  assert.ok(validate(json), JSON.stringify(validate.errors));
  assert.ok(verdictSchema.safeParse(json).success);
  const bad = { ...(json as Verdict), explain: { ...explain, flips: { ...explain.flips, protocol: 'grpc' } } };
  assert.equal(validate(bad), false);
});
