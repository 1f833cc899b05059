import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDigester, digestOf, digestOfJson, isDigest } from '../../src/core/index.ts';

test('digests are sha256: + hex, matching the published SHA-256 of "abc" (FIPS 180-2 example)', () => {
  assert.equal(digestOf('abc'), 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.ok(isDigest(digestOf('')));
  assert.ok(!isDigest('sha256:XYZ'));
});

test('streamed digests equal one-shot digests', () => {
  const digester = createDigester();
  digester.update(Buffer.from('a'));
  digester.update(Buffer.from('bc'));
  assert.equal(digester.digest(), digestOf('abc'));
});

test('JSON digests do not depend on key order', () => {
  assert.equal(digestOfJson({ a: 1, b: [2] }), digestOfJson({ b: [2], a: 1 }));
  assert.notEqual(digestOfJson({ a: 1 }), digestOfJson({ a: 2 }));
});
