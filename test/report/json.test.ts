import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { digestOfJson, type Verdict } from '../../src/core/index.ts';
import { renderReport } from '../../src/report/index.ts';
import { verdictSchema } from '../../src/report/verdict-schema.ts';
import { failingVerdict, hostileVerdict, passingVerdict } from './fixtures.ts';
import { schemaFile, schemaText } from './schema-file.ts';

const options = { color: false };

/** Validates against the committed schema file; returns the ajv errors as text, empty when valid. */
function validator(): (data: unknown) => string {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  return (data) => (validate(data) ? '' : JSON.stringify(validate.errors));
}

/** A copy with every object's members inserted in reverse order: equal as data, different in construction. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversed(item)]));
}

test('the JSON report parses back to the verdict it was rendered from', () => {
  for (const verdict of [failingVerdict(), passingVerdict(), hostileVerdict()]) {
    assert.deepEqual(JSON.parse(renderReport('json', verdict, options)), verdict);
  }
});

test('the JSON report is pretty-printed with two spaces and ends with a newline', () => {
  const text = renderReport('json', failingVerdict(), options);
  assert.match(text, /^\{\n {2}"schema": "steward.verdict\/v1",\n {2}"tool": \{\n {4}"name"/);
  assert.ok(text.endsWith('}\n'));
});

test('equal verdicts built in different member orders render to identical bytes', () => {
  const verdict = failingVerdict();
  const shuffled = reversed(verdict) as Verdict;
  assert.notEqual(JSON.stringify(shuffled), JSON.stringify(verdict));
  assert.equal(renderReport('json', shuffled, options), renderReport('json', verdict, options));
});

test('key order is stable for arbitrary objects (property)', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.constant(null))), (record) => {
      const verdict = { ...failingVerdict(), columns: record } as unknown as Verdict;
      const flipped = { ...verdict, columns: reversed(record) } as unknown as Verdict;
      assert.equal(renderReport('json', flipped, options), renderReport('json', verdict, options));
    }),
  );
});

test('the JSON report keeps the verdict digest, which matches the content', () => {
  const parsed = JSON.parse(renderReport('json', failingVerdict(), options)) as Verdict;
  const { digest, ...body } = parsed;
  assert.equal(digest, digestOfJson(body));
});

test('schema/report.schema.json is the schema generated from the zod verdict schema', () => {
  assert.equal(readFileSync(schemaFile, 'utf8'), schemaText(), 'run: node test/report/write-schema.ts');
});

test('sample verdicts validate against schema/report.schema.json with ajv (draft 2020-12)', () => {
  const validate = validator();
  for (const verdict of [failingVerdict(), passingVerdict(), hostileVerdict()]) {
    assert.equal(validate(JSON.parse(renderReport('json', verdict, options))), '');
  }
});

test('the schema rejects an unknown status, a malformed digest, a stray member and a metric without n', () => {
  const validate = validator();
  const verdict = failingVerdict();
  const badStatus = { ...verdict, findings: [{ ...verdict.findings[0], status: 'maybe' }] };
  const badDigest = { ...verdict, digest: 'sha256:XYZ' };
  const stray = { ...verdict, metrics: { ...verdict.metrics, extra: 1 } };
  const missingN = {
    ...verdict,
    metrics: { ...verdict.metrics, overall: { ...verdict.metrics.overall, metrics: { accuracy: { value: 0.9 } } } },
  };
  for (const bad of [badStatus, badDigest, stray, missingN]) assert.notEqual(validate(bad), '');
});

test('the zod verdict schema accepts the fixtures, as the JSON Schema does', () => {
  for (const verdict of [failingVerdict(), passingVerdict(), hostileVerdict()]) {
    assert.equal(verdictSchema.safeParse(verdict).success, true);
  }
});
