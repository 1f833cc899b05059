import assert from 'node:assert/strict';
import { test } from 'node:test';
import { criticalValue, normalQuantile, wilsonInterval } from '../../src/stats/index.ts';

test('the normal quantile matches published values to 1e-12', () => {
  assert.ok(Math.abs(criticalValue(0.95) - 1.959963984540054) < 1e-12);
  assert.ok(Math.abs(criticalValue(0.99) - 2.5758293035489004) < 1e-12);
  assert.ok(Math.abs(normalQuantile(0.95) - 1.6448536269514722) < 1e-12);
  assert.ok(Math.abs(normalQuantile(0.5)) < 1e-15);
  assert.ok(Math.abs(normalQuantile(1e-10) + 6.361340902404056) < 1e-9);
});

test('the Wilson interval reproduces Newcombe (1998) Table I, method 3, at 95%', () => {
  const z = criticalValue(0.95);
  const cases: [number, number, number, number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];
  for (const [x, n, low, high] of cases) {
    const interval = wilsonInterval(x / n, n, z, 0.95);
    assert.ok(interval, `${x}/${n}`);
    assert.equal(Math.round(interval.low * 1e4) / 1e4, low, `${x}/${n} low`);
    assert.equal(Math.round(interval.high * 1e4) / 1e4, high, `${x}/${n} high`);
    assert.equal(interval.method, 'wilson');
  }
  assert.equal(wilsonInterval(0.5, 0, z, 0.95), undefined);
});
