import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { utcTimestamp } from '../../src/app/decisions/timestamp.ts';

test('timestamps are normalised to UTC milliseconds, whatever their zone or precision', () => {
  assert.equal(utcTimestamp('2026-11-26T14:00:00Z'), '2026-11-26T14:00:00.000Z');
  assert.equal(utcTimestamp('2026-11-26T14:00:00.123Z'), '2026-11-26T14:00:00.123Z');
  assert.equal(utcTimestamp('2026-11-26t15:30:00.5+01:30'), '2026-11-26T14:00:00.500Z');
  assert.equal(utcTimestamp('2024-02-29T00:00:00z'), '2024-02-29T00:00:00.000Z');
});

test('malformed times and days the calendar does not have are refused', () => {
  for (const bad of ['2026-02-30T00:00:00Z', '2025-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-26', '2026-11-26T24:00:00Z', '2026-11-26T10:00:00', '2026-11-26T10:00:00+25:00', 'yesterday']) {
    assert.equal(utcTimestamp(bad), undefined, bad);
  }
});

test('the canonical-form shortcut agrees with Date for every instant', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), fc.boolean(), (date, dropMillis) => {
      const iso = date.toISOString();
      const given = dropMillis ? `${iso.slice(0, 19)}Z` : iso;
      assert.equal(utcTimestamp(given), new Date(Date.parse(given)).toISOString());
    }),
  );
});
