import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concatBytes, ownBytes, packedOffsets } from '../../src/store/packed-blocks.ts';

const offsets = (lengths: string | null, count: number): number[] | undefined => {
  const found = packedOffsets(lengths, count, 1);
  return found === undefined ? undefined : [...found];
};

test('packedOffsets turns comma-separated lengths into offsets with a one-byte gap before each value', () => {
  assert.deepEqual(offsets('3,0,12', 3), [0, 4, 5, 18]);
  assert.deepEqual(offsets('7', 1), [0, 8]);
});

test('packedOffsets refuses a list of the wrong count or anything but non-negative integers', () => {
  for (const [lengths, count] of [['3,0,12', 2], ['3,0', 3], ['3,,12', 3], ['3,', 2], [',3', 2], ['3,a', 2], ['-1', 1], ['1.5', 1], ['', 1], [null, 1], ['99999999999999999', 1]] as const) {
    assert.equal(offsets(lengths, count), undefined, `${String(lengths)} for ${count}`);
  }
});

test('concatBytes and ownBytes return bytes in a buffer of their own, never a view of a shared one', () => {
  const shared = new Uint8Array([1, 2, 3, 4, 5, 6]);
  const view = shared.subarray(1, 3);
  const own = ownBytes(view);
  assert.deepEqual([...own], [2, 3]);
  assert.equal(own.byteLength, own.buffer.byteLength);
  assert.equal(ownBytes(shared), shared);
  const joined = concatBytes([view, shared.subarray(4)]);
  assert.deepEqual([...joined], [2, 3, 5, 6]);
  assert.equal(joined.byteLength, joined.buffer.byteLength);
  assert.equal(concatBytes([view]).buffer === shared.buffer, false);
});
