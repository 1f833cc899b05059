import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { buildBom } from '../../src/app/lineage/bom.ts';
import { dataset, deployment, digest, log, run, verdict, version } from './events.ts';

/** The official CycloneDX 1.6 JSON schema (draft-07) with its SPDX and JSF companions, from @cyclonedx/cyclonedx-library. */
function cycloneDxValidator(): (bom: unknown) => string {
  const require = createRequire(import.meta.url);
  const folder = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
  const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // The BOM schema refers to its companions by their SNAPSHOT file names, relative to its own $id.
  for (const name of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) ajv.addSchema({ ...load(name), $id: `http://cyclonedx.org/schema/${name}` });
  const validate = ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
  return (bom) => (validate(bom) ? '' : JSON.stringify(validate.errors, null, 1));
}

const validate = cycloneDxValidator();

const events = log(
  dataset('loans', 'loans v1', '2026-01-01T00:00:00Z'),
  run('train-1', [{ name: 'loans', content: 'loans v1' }, { name: 'unrecorded', content: 'u' }], '2026-01-02T00:00:00Z', 'c0ffee'),
  version('m', '1', '2026-01-03T00:00:00Z', 'train-1'),
  verdict('m', '1', '2026-01-04T00:00:00Z', [{ ruleId: 'acc', metric: 'accuracy', value: 0.5 }]),
  verdict('m', '1', '2026-01-05T00:00:00Z', [
    { ruleId: 'acc', metric: 'accuracy', value: 0.9 },
    { ruleId: 'acc-by-race', metric: 'accuracy', group: 'race=b', value: 0.8 },
    { ruleId: 'di-race', metric: 'disparate_impact', value: 0.7 },
    { ruleId: 'di-sex', metric: 'disparate_impact', value: 0.95 },
    { ruleId: 'card', value: null },
  ]),
  deployment('m', '1', 'production', '2026-01-06T00:00:00Z'),
  version('m', '2', '2026-01-07T00:00:00Z'),
);

test('the ML-BOM validates against the official CycloneDX 1.6 schema', () => {
  assert.equal(validate(buildBom(events, 'm', '1')), '');
  assert.equal(validate(buildBom(events, 'm', '2')), '', 'a version with no run or verdict too');
  const broken = buildBom(events, 'm', '1') as { metadata: { component: { modelCard: Record<string, unknown> } } };
  broken.metadata.component.modelCard.unknownMember = 1;
  assert.notEqual(validate(broken), '', 'the validator does reject a BOM outside the schema');
});

test('the model component carries its artifact hash, training datasets and the latest verdict metrics', () => {
  const bom = buildBom(events, 'm', '1') as { metadata: { component: Record<string, unknown>; timestamp: string }; components: { hashes: { content: string }[]; name: string }[]; dependencies: { ref: string; dependsOn?: string[] }[] };
  const model = bom.metadata.component as { type: string; hashes: { alg: string; content: string }[]; modelCard: { quantitativeAnalysis: { performanceMetrics: unknown[] } }; pedigree: unknown };
  assert.equal(model.type, 'machine-learning-model');
  assert.deepEqual(model.hashes, [{ alg: 'SHA-256', content: digest('m@1').slice(7) }]);
  assert.deepEqual(model.modelCard.quantitativeAnalysis.performanceMetrics, [
    { type: 'accuracy', value: '0.9' },
    { type: 'accuracy', value: '0.8', slice: 'race=b' },
    { type: 'disparate_impact', value: '0.7', slice: 'rule:di-race' },
    { type: 'disparate_impact', value: '0.95', slice: 'rule:di-sex' },
  ]);
  assert.deepEqual(model.pedigree, { commits: [{ uid: 'c0ffee' }] });
  assert.deepEqual(bom.components.map((c) => [c.name, c.hashes[0]?.content]), [
    ['loans', digest('loans v1').slice(7)],
    ['unrecorded', digest('u').slice(7)],
  ]);
  assert.deepEqual(bom.dependencies[0]?.dependsOn, [`dataset:loans@${digest('loans v1')}`, `dataset:unrecorded@${digest('u')}`]);
  assert.equal(bom.metadata.timestamp, '2026-01-06T00:00:00.000Z', 'the latest event the BOM rests on, not the clock');
});

test('the same log gives the same BOM bytes; a new record about the version changes its serial number', () => {
  const first = JSON.stringify(buildBom(events, 'm', '1'));
  assert.equal(JSON.stringify(buildBom(log(...events.map((e) => e.event)), 'm', '1')), first);
  const more = log(...events.map((e) => e.event), deployment('m', '1', 'staging', '2026-01-08T00:00:00Z'));
  const serial = (bom: unknown): string => (bom as { serialNumber: string }).serialNumber;
  assert.notEqual(serial(buildBom(more, 'm', '1')), serial(JSON.parse(first)));
  assert.match(serial(JSON.parse(first)), /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
