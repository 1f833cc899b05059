import assert from 'node:assert/strict';
import test from 'node:test';
import { binnedAuc, ClassHistogram, columnFacts, cramersV, dataMetrics, HashSet64 } from '../../../src/stats/data/index.ts';
import { num, profileOf, spec, text, type Cell } from './helpers.ts';

const columns = [text('id', { role: 'id' }), text('race', { role: 'sensitive' }), num('x'), text('colour'), text('y', { role: 'label' })];
const rows: Cell[][] = [
  ['r1', 'a', 1, 'red', '1'],
  ['r2', 'a', 2, 'red', '0'],
  ['r3', 'a', null, 'blue', '1'],
  ['r4', 'b', 4, 'blue', '0'],
  ['r5', 'b', 4, 'blue', '0'], // equal to r4 but for the id: a duplicate row
  ['r5', 'b', 5, null, '1'], // a repeated id
];
const profileSpec = spec(columns, { sensitive: ['race'], label: 'y', id: 'id' });
const facts = (batchRows = 2) => columnFacts(profileOf(profileSpec, rows, batchRows));
const fact = (name: string, batchRows = 2) => {
  const found = facts(batchRows).find((c) => c.name === name);
  assert.ok(found, name);
  return found;
};

test('duplicate rows are counted on every column but the id, and repeated ids on the id alone', () => {
  const profile = profileOf(profileSpec, rows);
  assert.equal(profile.duplicateRows, 1);
  assert.equal(fact('id').duplicates, 1);
  assert.equal(fact('id').violations.unique.count, 1);
  assert.deepEqual(fact('id').violations.unique.first.map((l) => l.line), [7]); // data row 6 is line 7
});

test('a non-number in a number column is a type violation, not a missing value, and is compared by its text', () => {
  const cols = [num('x', { type: 'number' }), text('y')];
  const profile = profileOf(spec(cols), [[1, 'a'], ['abc', 'b'], [null, 'c'], ['abc', 'b'], ['abd', 'b']], 2);
  const x = columnFacts(profile).find((c) => c.name === 'x');
  assert.equal(x?.violations.type.count, 3);
  assert.deepEqual(x?.violations.type.first.map((l) => l.line), [3, 5, 6]);
  assert.equal(x?.missing, 1);
  assert.deepEqual([x?.min, x?.max], [1, 1]);
  assert.equal(profile.duplicateRows, 1); // row 4 repeats row 2 ("abc", "b"); "abd" differs
});

test('missing values are counted per column and per group of the sensitive column', () => {
  assert.equal(fact('x').missing, 1);
  assert.equal(fact('colour').missing, 1);
  const { missing } = dataMetrics(profileOf(profileSpec, rows), { confidence: 0.95, minGroupSize: 1, intersections: true });
  const x = missing.find((m) => m.column === 'x');
  assert.deepEqual(x?.groups, [
    { key: 'race=a', rows: 3, missing: 1 },
    { key: 'race=b', rows: 3, missing: 0 },
  ]);
});

test('single-feature AUC of a number feature is the Mann–Whitney statistic with ties counted a half', () => {
  // positives x = {1, 5} (x of r3 is missing), negatives x = {2, 4, 4}: pairs won 1 (5>2, 5>4, 5>4) = 3 of 6.
  assert.equal(fact('x').auc, 3 / 6);
  assert.equal(fact('x').aucErrorBound, 0);
});

test("Cramér's V of a text feature is √(χ²/n) of its table with the label", () => {
  // colour × y over rows with both: red {1:1, 0:1}, blue {1:1, 0:2}; only 5 rows, so V is not assessed (n < 10·r).
  assert.equal(fact('colour').association, null);
  // By hand: counts [neg, pos] per value = red [10, 30], blue [30, 10]: χ² = 20, n = 80, V = √(20/80) = 0.5.
  assert.equal(cramersV(Float64Array.from([10, 30, 30, 10]), 2), 0.5);
  assert.equal(cramersV(Float64Array.from([0, 40, 0, 40]), 2), null, 'a label with one class');
});

test('equality counters see a feature that copies the label, whatever the column kinds', () => {
  const copy = [num('copy'), text('y', { role: 'label' })];
  const data: Cell[][] = [[1, '1'], [0, '0'], [1, '1'], [null, null]];
  const [column] = columnFacts(profileOf(spec(copy, { label: 'y' }), data));
  assert.equal(column?.equalLabel, 4);
});

test('a column entirely missing has every row missing, no range and no AUC', () => {
  const data: Cell[][] = [[null, '1'], [null, '0'], [null, '1']];
  const [column] = columnFacts(profileOf(spec([num('empty'), text('y', { role: 'label' })], { label: 'y' }), data));
  assert.equal(column?.missing, 3);
  assert.equal(column?.min, null);
  assert.equal(column?.max, null);
  assert.equal(column?.auc, null);
});

test('a label with one class leaves the AUC undefined; all-negative labels leave the base-rate ratio undefined', () => {
  const columnsOf = [num('x'), text('g', { role: 'sensitive' }), text('y', { role: 'label' })];
  const disparity = (label: string, metric: string) => {
    const data: Cell[][] = [[1, 'a', label], [2, 'b', label], [3, 'b', label]];
    const profile = profileOf(spec(columnsOf, { label: 'y', sensitive: ['g'] }), data);
    assert.equal(columnFacts(profile)[0]?.auc, null);
    const { metrics } = dataMetrics(profile, { confidence: 0.95, minGroupSize: 1, intersections: true });
    return metrics.disparities.find((d) => d.metric === metric)?.value;
  };
  assert.equal(disparity('1', 'base_rate_difference'), 0);
  assert.equal(disparity('1', 'base_rate_ratio'), 1);
  assert.equal(disparity('0', 'base_rate_difference'), 0);
  assert.equal(disparity('0', 'base_rate_ratio'), null, 'every rate is 0: min/max is 0/0');
});

test('representation and base rate per group, with Wilson intervals, and the base-rate disparities', () => {
  const { metrics } = dataMetrics(profileOf(profileSpec, rows), { confidence: 0.95, minGroupSize: 1, intersections: true });
  const a = metrics.groups.find((g) => g.key === 'race=a');
  assert.equal(a?.metrics['representation']?.value, 0.5);
  assert.equal(a?.metrics['base_rate']?.value, 2 / 3);
  assert.equal(a?.metrics['representation']?.interval?.method, 'wilson');
  const difference = metrics.disparities.find((d) => d.metric === 'base_rate_difference');
  assert.equal(difference?.value, 2 / 3 - 1 / 3);
  assert.deepEqual(difference?.extremes, ['race=a', 'race=b']);
  assert.equal(metrics.disparities.find((d) => d.metric === 'base_rate_ratio')?.value, 0.5);
});

test('groups below min_group_size are left out of the disparities and listed as excluded', () => {
  const { metrics } = dataMetrics(profileOf(profileSpec, rows), { confidence: 0.95, minGroupSize: 4, intersections: true });
  const difference = metrics.disparities.find((d) => d.metric === 'base_rate_difference');
  assert.equal(difference?.value, null);
  assert.deepEqual(difference?.excluded, ['race=a', 'race=b']);
});

test('schema violations are counted in full but only the first five rows are located', () => {
  const data: Cell[][] = Array.from({ length: 8 }, (_, i) => [i % 2 === 0 ? 'ok' : 'bad', -i]);
  const [values, range] = columnFacts(profileOf(spec([text('v', { values: ['ok'] }), num('n', { min: -2, type: 'integer' })]), data));
  assert.equal(values?.violations.values.count, 4);
  assert.deepEqual(values?.violations.values.first.map((l) => l.line), [3, 5, 7, 9]);
  assert.equal(range?.violations.range.count, 5); // -3 … -7
  assert.deepEqual(range?.violations.range.first.map((l) => l.line), [5, 6, 7, 8, 9]);
});

test('results do not depend on how the rows are split into batches', () => {
  assert.deepEqual(facts(1), facts(6));
});

test('the binned AUC is exact for distinct values in distinct bins and bounded when a bin mixes values', () => {
  const histogram = new ClassHistogram();
  histogram.add(1, false);
  histogram.add(2, true);
  assert.deepEqual(binnedAuc(histogram), { auc: 1, positives: 1, negatives: 1, errorBound: 0 });
  const close = new ClassHistogram();
  close.add(1, false);
  close.add(1.0000001, true); // same bin, different values: counted as a tie, the bound says by how much it may be off
  const result = binnedAuc(close);
  assert.equal(result.auc, 0.5);
  assert.equal(result.errorBound, 0.5);
});

test('the fingerprint set counts distinct keys through growth', () => {
  const set = new HashSet64(16);
  for (let i = 0; i < 5000; i++) set.add(i * 2654435761, i ^ 0x5bd1e995);
  for (let i = 0; i < 5000; i += 2) assert.equal(set.add(i * 2654435761, i ^ 0x5bd1e995), false);
  assert.equal(set.size, 5000);
  assert.equal([...set.keys()].length, 5000);
});
