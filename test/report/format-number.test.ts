import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatBound,
  formatCount,
  formatInterval,
  formatPercent,
  formatValue,
} from '../../src/report/format-number.ts';
import { pathToUriReference } from '../../src/report/uri.ts';

test('values: n/a for undefined metrics, integers as they are, three decimals, exponent for tiny values', () => {
  assert.equal(formatValue(null), 'n/a');
  assert.equal(formatValue(undefined), 'n/a');
  assert.equal(formatValue(1), '1');
  assert.equal(formatValue(2 / 3), '0.667');
  assert.equal(formatValue(-0.05), '-0.050');
  assert.equal(formatValue(0.0004), '4.00e-4');
  assert.equal(formatValue(123.456), '123.5');
  assert.equal(formatValue(12345.6), '12346');
});

test('percentages have one decimal; bounds read as the rule is written', () => {
  assert.equal(formatPercent(0.2375), '23.8%');
  assert.equal(formatPercent(null), 'n/a');
  assert.equal(formatBound({ min: 0.8 }), '≥ 0.800');
  assert.equal(formatBound({ max: 0.1 }), '≤ 0.100');
  assert.equal(formatBound({ min: 0.8, max: 1.25 }), 'in [0.800, 1.250]');
  assert.equal(formatBound({}), '');
  assert.equal(formatBound(undefined), '');
});

test('intervals name level and method; counts group thousands with commas whatever the locale', () => {
  assert.equal(formatInterval({ low: 0.1, high: 0.25, level: 0.95, method: 'wilson' }), '95% CI [0.100, 0.250] wilson');
  assert.equal(formatInterval({ low: 0.1, high: 0.25, level: 0.995, method: 'bootstrap' }), '99.5% CI [0.100, 0.250] bootstrap');
  assert.equal(formatInterval(undefined), '');
  assert.equal(formatCount(1234567), 'n=1,234,567');
  assert.equal(formatCount(999), 'n=999');
});

test('policy paths become URI references: relative stays relative, separators and spaces are encoded', () => {
  assert.equal(pathToUriReference('policies/fairness.yaml'), 'policies/fairness.yaml');
  assert.equal(pathToUriReference('./policies/fairness.yaml'), 'policies/fairness.yaml');
  assert.equal(pathToUriReference('my policies\\gate #1.yaml'), 'my%20policies/gate%20%231.yaml');
  assert.equal(pathToUriReference('/srv/repo/policy.yaml'), 'file:///srv/repo/policy.yaml');
  assert.equal(pathToUriReference('C:\\repo\\policy.yaml'), 'file:///C:/repo/policy.yaml');
});
