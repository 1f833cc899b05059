import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { batchRoot, recordLeafHash, rootOfLeafHashes } from '../../src/app/decisions/batch-tree.ts';
import { decisionJson } from '../../src/app/decisions/decision-json.ts';
import { decisionRecordSchema } from '../../src/app/decisions/schema.ts';
import { canonicalJson } from '../../src/core/index.ts';
import { leafHash, MemoryTree, rootAt, toHex } from '../../src/ledger/index.ts';

const scalar = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean());
const record = fc.record(
  {
    decision_id: fc.string({ minLength: 1, maxLength: 20 }),
    model: fc.string({ minLength: 1 }),
    version: fc.string({ minLength: 1 }),
    timestamp: fc.constant('2026-11-26T14:00:00.000Z'),
    features: fc.dictionary(fc.string(), fc.jsonValue()),
    features_digest: fc.constant(`sha256:${'ab'.repeat(32)}`),
    prediction: scalar,
    score: fc.double({ noNaN: true, noDefaultInfinity: true }),
    sensitive: fc.dictionary(fc.string(), scalar),
    request_id: fc.string({ minLength: 1, maxLength: 20 }),
  },
  { requiredKeys: ['decision_id', 'model', 'version', 'timestamp', 'prediction'] },
);

test('a decision\'s canonical JSON is the general RFC 8785 writer\'s, for any record the schema accepts', () => {
  fc.assert(
    fc.property(record, (raw) => {
      const parsed = decisionRecordSchema.parse(raw);
      assert.equal(decisionJson(parsed, '2026-11-26T14:00:00.000Z'), canonicalJson({ ...parsed, timestamp: '2026-11-26T14:00:00.000Z' }));
    }),
    { numRuns: 500 },
  );
});

test('a hand-checked decision is written with sorted members, -0 as 0 and escapes as RFC 8785 says', () => {
  const parsed = decisionRecordSchema.parse({ version: '1', prediction: -0, model: 'm', decision_id: 'd"1', timestamp: 'x', features: { b: 1, a: [2, { d: 'é', c: null }] }, score: 1e21 });
  assert.equal(decisionJson(parsed, '2026-01-01T00:00:00.000Z'), '{"decision_id":"d\\"1","features":{"a":[2,{"c":null,"d":"é"}],"b":1},"model":"m","prediction":0,"score":1e+21,"timestamp":"2026-01-01T00:00:00.000Z","version":"1"}');
});

test('the in-batch root equals the RFC 6962 root of the ledger\'s own tree for every batch size up to 300', () => {
  const records = Array.from({ length: 300 }, (_, k) => `{"decision_id":"d-${k}","note":"ü€𝄞"}`);
  for (let size = 1; size <= records.length; size++) {
    const slice = records.slice(0, size);
    const tree = MemoryTree.fromLeaves(slice.map((text) => new TextEncoder().encode(text)));
    assert.equal(batchRoot(slice), toHex(rootAt(tree, size)), `size ${size}`);
  }
  assert.equal(rootOfLeafHashes([recordLeafHash('{}')]), toHex(leafHash(new TextEncoder().encode('{}'))), 'one record: the root is its leaf hash');
});

test('a record longer than the scratch buffer hashes as its UTF-8 bytes', () => {
  const long = `"${'€'.repeat(5000)}"`;
  assert.equal(toHex(recordLeafHash(long)), toHex(leafHash(new TextEncoder().encode(long))));
  assert.equal(toHex(recordLeafHash('"a"')), toHex(leafHash(new TextEncoder().encode('"a"'))));
});
