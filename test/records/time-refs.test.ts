import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTime } from '../../src/app/records/time.ts';
import { parseDatasetRef, parseModelVersion, parseParams } from '../../src/app/records/refs.ts';
import { digestOf } from '../../src/core/index.ts';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  }
  return 'no error';
};

test('RFC 3339 times with Z or an offset, and bare dates, parse to the instant they name', () => {
  assert.equal(parseTime('2026-11-26T14:00:00Z', '--at').toISOString(), '2026-11-26T14:00:00.000Z');
  assert.equal(parseTime('2026-11-26T15:00:00.5+01:00', '--at').toISOString(), '2026-11-26T14:00:00.500Z');
  assert.equal(parseTime('2026-11-26', '--at').toISOString(), '2026-11-26T00:00:00.000Z');
});

test('malformed, offset-less and out-of-range times are RECORD_INVALID_TIME', () => {
  for (const text of ['yesterday', '2026-11-26T14:00:00', '2026-02-30', '2026-13-01T00:00:00Z', '2026-11-26T25:00:00Z', '26/11/2026', '']) {
    assert.equal(code(() => parseTime(text, '--at')), 'RECORD_INVALID_TIME', text);
  }
});

test('model@version splits at the last @ and refuses a missing side', () => {
  assert.deepEqual(parseModelVersion('credit-scoring@2.0.0'), { model: 'credit-scoring', version: '2.0.0' });
  assert.deepEqual(parseModelVersion('@org/model@1'), { model: '@org/model', version: '1' });
  for (const text of ['credit-scoring', '@1.0', 'm@', 'a b@1']) assert.equal(code(() => parseModelVersion(text)), 'RECORD_INVALID_REFERENCE', text);
});

test('a dataset reference is a name, or a name pinned to a well-formed digest', () => {
  const digest = digestOf('x');
  assert.deepEqual(parseDatasetRef('loans'), { name: 'loans' });
  assert.deepEqual(parseDatasetRef(`loans@${digest}`), { name: 'loans', digest });
  assert.equal(code(() => parseDatasetRef('loans@sha256:abc')), 'RECORD_INVALID_REFERENCE');
  assert.equal(code(() => parseDatasetRef(`@${digest}`)), 'RECORD_INVALID_REFERENCE');
});

test('params keep numbers and booleans typed, everything else as text, and refuse repeats', () => {
  assert.deepEqual(parseParams(['lr=0.01', 'epochs=10', 'shuffle=true', 'opt=adam', 'tag=1.0.0', 'eq=a=b']), {
    lr: 0.01, epochs: 10, shuffle: true, opt: 'adam', tag: '1.0.0', eq: 'a=b',
  });
  assert.equal(code(() => parseParams(['lr'])), 'RECORD_INVALID_REFERENCE');
  assert.equal(code(() => parseParams(['=1'])), 'RECORD_INVALID_REFERENCE');
  assert.equal(code(() => parseParams(['a=1', 'a=2'])), 'RECORD_INVALID_REFERENCE');
});
