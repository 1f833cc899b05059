import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Dictionary, INVALID_UTF8_CODE } from '../../src/readers/columns/dictionary.ts';
import { countCharacters, firstInvalidUtf8 } from '../../src/readers/columns/utf8.ts';

const strict = new TextDecoder('utf-8', { fatal: true });

test('interning bytes gives one dense code per distinct value, the same code as interning the string', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 300 }), (values) => {
      const byBytes = new Dictionary();
      const byText = new Dictionary();
      for (const value of values) {
        const bytes = Buffer.from(`|${value}|`);
        const code = byBytes.internBytes(bytes, 1, bytes.length - 1);
        assert.equal(code, byText.internString(value));
        if (code >= 0) assert.equal(byBytes.values[code], value);
      }
      const distinct = new Set(values.filter((value) => !['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL'].includes(value)));
      assert.deepEqual(byBytes.values, [...distinct]);
    }),
    { numRuns: 300 },
  );
});

test('a dictionary keeps finding its values after growing to many thousands', () => {
  const dictionary = new Dictionary();
  const encode = (i: number): Buffer => Buffer.from(`value-${i}`);
  for (let i = 0; i < 20_000; i++) {
    const bytes = encode(i);
    assert.equal(dictionary.internBytes(bytes, 0, bytes.length), i);
  }
  for (let i = 0; i < 20_000; i += 997) {
    const bytes = encode(i);
    assert.equal(dictionary.internBytes(bytes, 0, bytes.length), i);
  }
  assert.equal(dictionary.values.length, 20_000);
});

test('bytes that are not UTF-8 are refused and not added', () => {
  const dictionary = new Dictionary();
  for (const bad of [[0xff], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
    assert.equal(dictionary.internBytes(Uint8Array.from(bad), 0, bad.length), INVALID_UTF8_CODE, String(bad));
  }
  assert.deepEqual(dictionary.values, []);
});

test('the UTF-8 check agrees with a strict TextDecoder on random bytes, and counts characters', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      const bad = firstInvalidUtf8(bytes, 0, bytes.length);
      assert.equal(bad < 0, valid);
      if (bad >= 0) assert.doesNotThrow(() => strict.decode(bytes.subarray(0, bad)));
      else assert.equal(countCharacters(bytes, 0, bytes.length), [...strict.decode(bytes)].length);
    }),
    { numRuns: 3000 },
  );
});
