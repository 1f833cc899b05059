import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from '../../src/core/index.ts';

// Vectors from RFC 8785: the §3.2.2 sample (numbers, escaping, literals) and the §3.2.3 property-sorting example.
// Provenance in test/core/PROVENANCE.md.
test('canonicalises the RFC 8785 sample: number forms, string escaping, literals', () => {
  const input = JSON.parse(
    '{"numbers":[1E30,4.50,6,2e-3,0.000000000000000000000000001],' +
      '"escaping":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","other":[null,true,false]}',
  );
  assert.equal(
    canonicalJson(input),
    '{"escaping":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/","numbers":[1e+30,4.5,6,0.002,1e-27],"other":[null,true,false]}',
  );
});

test('sorts members by UTF-16 code units, as RFC 8785 §3.2.3 shows', () => {
  const input = {
    '\u20ac': 'Euro Sign',
    '\r': 'Carriage Return',
    '\ufb33': 'Hebrew Letter Dalet With Dagesh',
    '1': 'One',
    '\ud83d\ude00': 'Emoji: Grinning Face',
    '\u0080': 'Control',
    '\u00f6': 'Latin Small Letter O With Diaeresis',
  };
  // Read the member order from the text: a parsed object would move the integer-like key "1" first.
  const text = canonicalJson(input);
  const names = ['Carriage', 'One', 'Control', 'Latin', 'Euro', 'Emoji', 'Hebrew'];
  const positions = names.map((name) => text.indexOf(`"${name}`));
  assert.ok(positions.every((position) => position > 0));
  assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
});

test('serialises IEEE-754 edge values as RFC 8785 Appendix B lists them', () => {
  const cases: [string, string][] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['44b52d02c7e14af6', '1e+23'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555555', '333333333.3333333'],
  ];
  for (const [hex, expected] of cases) {
    const value = Buffer.from(hex, 'hex').readDoubleBE(0);
    assert.equal(canonicalJson(value), expected, `bits ${hex}`);
  }
});

test('omits undefined members and rejects values JSON cannot hold', () => {
  assert.equal(canonicalJson({ b: undefined, a: [1, { d: 2, c: 'x' }] }), '{"a":[1,{"c":"x","d":2}]}');
  assert.throws(() => canonicalJson({ a: Number.NaN }), /non-finite number at \$\.a/);
  assert.throws(() => canonicalJson([undefined]), /undefined at \$\[0\]/);
  assert.throws(() => canonicalJson({ f: () => 1 }), /function is not JSON/);
});

test('equal values in different key order have one canonical form', () => {
  assert.equal(canonicalJson({ z: 1, a: { y: [3, 2], b: null } }), canonicalJson({ a: { b: null, y: [3, 2] }, z: 1 }));
});
