import assert from 'node:assert/strict';
import test from 'node:test';
import { checkData, dataPolicy, findingOf, findingsOf } from './check-data-helpers.ts';

const header = ['id', 'race', 'income', 'colour', 'y'];

test('schema: an absent required column, wrong values, ranges, types and uniqueness are counted with their first lines', async () => {
  const policy = dataPolicy(
    [
      'id: id',
      'columns:',
      '  id: { type: string }',
      '  income: { type: integer, min: 0 }',
      '  colour: { type: category, values: [red, blue] }',
      '  postcode: { type: string }',
    ],
    ['- id: schema', '  schema: { max_missing: 0.5 }'],
  );
  const verdict = await checkData(policy, [header, ['a', 'x', 10, 'red', 1], ['b', 'x', -5, 'green', 0], ['b', 'y', 2.5, 'blue', 1], ['c', 'y', 3, 'pink', 0]]);
  const findings = findingsOf(verdict, 'schema');
  const absent = findings.find((f) => f.message.includes('postcode'));
  assert.equal(absent?.status, 'fail');
  const income = findings.find((f) => f.evidence?.['column'] === 'income');
  assert.equal(income?.value, 2); // -5 out of range (line 3), 2.5 not an integer (line 4)
  assert.deepEqual(income?.evidence?.['range'], { min: 0, max: null });
  assert.match(income?.message ?? '', /1 value of the wrong type \(line 4\); 1 value outside the allowed range \(line 3\)/);
  const colour = findings.find((f) => f.evidence?.['column'] === 'colour');
  assert.deepEqual(colour?.evidence?.['values'], { rows: 2, first: [3, 5] });
  const id = findings.find((f) => f.evidence?.['column'] === 'id');
  assert.deepEqual(id?.evidence?.['unique'], { rows: 1, first: [4] });
  assert.equal(verdict.outcome, 'fail');
});

test('schema: a column entirely missing breaks max_missing, and a clean table gives one passing finding', async () => {
  const policy = dataPolicy(['columns: { income: { type: number } }'], ['- id: schema', '  schema: { max_missing: 0.25 }']);
  const missing = await checkData(policy, [header, ['a', 'x', '', 'red', 1], ['b', 'x', '', 'red', 0]]);
  const finding = findingOf(missing, 'schema');
  assert.equal(finding.status, 'fail');
  assert.equal(finding.evidence?.['missing_share'], 1);
  assert.deepEqual(finding.evidence?.['missing_first'], [2, 3]);
  const clean = await checkData(policy, [header, ['a', 'x', 1, 'red', 1], ['b', 'x', 2, 'red', 0]]);
  assert.equal(findingOf(clean, 'schema').status, 'pass');
});

test('representation: shares with Wilson intervals against a minimum and reference shares; a declared empty group has share 0', async () => {
  const policy = dataPolicy(
    ['sensitive: [race]', 'columns: { race: { type: category, values: [x, y, z] } }'],
    ['- id: rep', '  representation: { min_share: 0.2, reference: { race: { x: 0.5, y: 0.5 } }, tolerance: 0.1 }'],
  );
  const rows = [header, ...Array.from({ length: 10 }, (_, i) => [`r${i}`, i < 7 ? 'x' : 'y', 1, 'red', i % 2])];
  const verdict = await checkData(policy, rows);
  const x = findingOf(verdict, 'rep', 'race=x');
  assert.equal(x.value, 0.7);
  assert.equal(x.status, 'fail'); // 0.7 is above 0.5 + 0.1
  assert.equal(x.interval?.method, 'wilson');
  assert.equal(findingOf(verdict, 'rep', 'race=y').status, 'fail'); // 0.3 below 0.4
  const z = findingOf(verdict, 'rep', 'race=z');
  assert.equal(z.value, 0);
  assert.equal(z.evidence?.['rows'], 0);
  assert.equal(z.status, 'fail');
});

test('representation with fail_on: interval fails only when the whole interval is beyond the bound', async () => {
  const policy = dataPolicy(['sensitive: [race]'], ['- id: rep', '  representation: { min_share: 0.35 }'], ['min_group_size: 1', 'fail_on: interval']);
  const rows = [header, ...Array.from({ length: 10 }, (_, i) => [`r${i}`, i < 7 ? 'x' : 'y', 1, 'red', 1])];
  const verdict = await checkData(policy, rows);
  const y = findingOf(verdict, 'rep', 'race=y');
  assert.equal(y.value, 0.3);
  assert.ok((y.interval?.high ?? 0) > 0.35);
  assert.equal(y.status, 'pass');
});

test('representation covers intersections', async () => {
  const policy = dataPolicy(['sensitive: [race, colour]'], ['- id: rep', '  sensitive: ["race&colour"]', '  representation: { min_share: 0.2 }']);
  const verdict = await checkData(policy, [header, ['a', 'x', 1, 'red', 1], ['b', 'x', 1, 'red', 0], ['c', 'x', 1, 'red', 0], ['d', 'x', 1, 'red', 0], ['e', 'y', 1, 'blue', 1]]);
  assert.equal(findingOf(verdict, 'rep', 'race=x&colour=red').value, 0.8);
  assert.equal(findingOf(verdict, 'rep', 'race=y&colour=blue').status, 'pass');
});

test('label balance: base-rate difference and ratio between groups, insufficient evidence for small groups and a one-class label', async () => {
  const policy = (minGroupSize: number) => dataPolicy(['label: y', 'sensitive: [race]'], ['- id: balance', '  label_balance: { max_difference: 0.2, min_ratio: 0.8 }'], [`min_group_size: ${minGroupSize}`]);
  // race=x: 3 of 4 positive (0.75); race=y: 1 of 4 (0.25).
  const rows = [header, ...['x', 'x', 'x', 'x', 'y', 'y', 'y', 'y'].map((race, i) => [`r${i}`, race, 1, 'red', [1, 1, 1, 0, 1, 0, 0, 0][i] ?? 0])];
  const verdict = await checkData(policy(1), rows);
  const [difference, ratio] = findingsOf(verdict, 'balance');
  assert.equal(difference?.metric, 'base_rate_difference');
  assert.equal(difference?.value, 0.5);
  assert.equal(difference?.status, 'fail');
  assert.equal(ratio?.value, 0.25 / 0.75);
  assert.equal(findingsOf(await checkData(policy(5), rows), 'balance')[0]?.status, 'insufficient_evidence');
  const oneClass = rows.map((row, i) => (i === 0 ? row : [...row.slice(0, 4), 0]));
  const [, noRatio] = findingsOf(await checkData(policy(1), oneClass), 'balance');
  assert.equal(noRatio?.status, 'insufficient_evidence');
});

test('missingness: a column missing more often in one group than another', async () => {
  const policy = dataPolicy(['sensitive: [race]'], ['- id: missing', '  missingness: { max_difference: 0.3 }']);
  const rows = [header, ['a', 'x', '', 'red', 1], ['b', 'x', '', 'red', 1], ['c', 'x', 5, 'red', 1], ['d', 'y', 1, 'red', 1], ['e', 'y', 2, 'red', 1], ['f', 'y', 3, 'red', 1]];
  const finding = findingOf(await checkData(policy, rows), 'missing');
  assert.equal(finding.value, 2 / 3);
  assert.equal(finding.evidence?.['worst_column'], 'income');
  assert.equal(finding.status, 'fail');
});

test('leakage: a copy of the label, a copy of the id, a perfectly separating number and a strongly associated text are reported', async () => {
  const policy = dataPolicy(['label: y', 'id: id'], ['- id: leak', '  leakage: { max_auc: 0.9, max_association: 0.8 }']);
  const rows: (string | number)[][] = [['id', 'copy', 'id_copy', 'after', 'noise', 'grade', 'y']];
  for (let i = 0; i < 40; i++) {
    const y = i % 2;
    rows.push([i, y, i, y === 1 ? 100 + i : i, (i * 7) % 5, y === 1 ? 'A' : 'B', y]);
  }
  const findings = findingsOf(await checkData(policy, rows), 'leak');
  const about = (column: string) => findings.find((f) => f.evidence?.['column'] === column);
  assert.match(about('copy')?.message ?? '', /exact copy of the label/);
  assert.match(about('id_copy')?.message ?? '', /exact copy of the id/);
  assert.equal(about('after')?.metric, 'single_feature_auc');
  assert.equal(about('after')?.value, 1);
  assert.equal(about('grade')?.metric, 'cramers_v');
  assert.equal(about('grade')?.value, 1);
  assert.equal(about('noise'), undefined);
});

test('leakage: nothing leaks → one passing finding; a one-class label → insufficient evidence', async () => {
  const policy = dataPolicy(['label: y'], ['- id: leak', '  leakage: {}']);
  const rows = (label: (i: number) => number) => [['x', 'y'], ...Array.from({ length: 20 }, (_, i) => [i % 3, label(i)])];
  const fine = findingOf(await checkData(policy, rows((i) => (i < 10 ? 1 : 0))), 'leak');
  assert.equal(fine.status, 'pass');
  assert.equal(fine.metric, 'single_feature_auc');
  assert.equal(findingOf(await checkData(policy, rows(() => 1)), 'leak').status, 'insufficient_evidence');
});

test('duplicates: rows repeating an earlier row (ignoring the id) and repeated ids are counted', async () => {
  const policy = dataPolicy(['id: id'], ['- id: dups', '  duplicates: { max_rows: 0, max_ids: 1 }']);
  const verdict = await checkData(policy, [header, ['a', 'x', 1, 'red', 1], ['b', 'x', 1.0, 'red', 1], ['c', 'x', '1.00', 'red', 1], ['c', 'y', 2, 'red', 0]]);
  const [rows, ids] = findingsOf(verdict, 'dups');
  assert.equal(rows?.value, 2);
  assert.equal(rows?.status, 'fail');
  assert.equal(ids?.value, 1);
  assert.equal(ids?.status, 'pass');
});

test('personal data: a finding names the column, the detector and the share, never a value', async () => {
  const policy = dataPolicy([], ['- id: pii', '  personal_data: { max_share: 0.2, patterns: { staff_id: "E\\\\d{6}" } }']);
  const verdict = await checkData(policy, [
    ['contact', 'staff', 'note'],
    ['ada@example.com', 'E123456', 'ok'],
    ['bob@example.org', 'E654321', 'fine'],
    ['', 'x', 'ok'],
    ['no', 'y', 'ok'],
  ]);
  const contact = findingsOf(verdict, 'pii').find((f) => f.evidence?.['column'] === 'contact');
  assert.equal(contact?.evidence?.['detector'], 'email');
  assert.equal(contact?.value, 2 / 3);
  assert.equal(findingsOf(verdict, 'pii').find((f) => f.evidence?.['column'] === 'staff')?.evidence?.['detector'], 'staff_id');
  const text = JSON.stringify(verdict);
  for (const secret of ['ada@example.com', 'bob@example.org', 'E123456']) assert.ok(!text.includes(secret), `${secret} leaked into the verdict`);
});

test('a waiver turns a failed data rule into waived; CEL expressions see the dataset metrics', async () => {
  const policy = dataPolicy(['id: id'], ['- id: dups', '  duplicates: { max_rows: 0 }', '- id: big-enough', "  expression: 'overall.count >= 3'"]).replace('\ndata:', '\nmodel: credit\ndata:');
  const waivers = ['waivers:', '  - { rule: dups, model: credit, owner: o, approver: a, ticket: T-1, justification: known, expires: 2027-01-01 }', ''].join('\n');
  const verdict = await checkData(policy, [header, ['a', 'x', 1, 'red', 1], ['b', 'x', 1, 'red', 1]], { waivers });
  assert.equal(findingOf(verdict, 'dups').status, 'waived');
  assert.equal(findingOf(verdict, 'big-enough').status, 'fail');
  assert.equal(verdict.outcome, 'fail');
});

test('the verdict records the dataset: its digest and rows as a dataset input, and per-column health', async () => {
  const policy = dataPolicy(['label: y', 'sensitive: [race]'], ['- id: rows', "  expression: 'overall.count > 0'"]);
  const verdict = await checkData(policy, [header, ['a', 'x', 1, 'red', 1], ['b', 'y', '', 'red', 0]]);
  const input = verdict.inputs.find((i) => i.role === 'dataset');
  assert.equal(input?.rows, 2);
  assert.match(input?.digest ?? '', /^sha256:[0-9a-f]{64}$/);
  assert.deepEqual(verdict.dataset?.columns.find((c) => c.column === 'income'), { column: 'income', role: 'feature', kind: 'number', rows: 2, missing: 1, distinct: null, min: 1, max: 1 });
  assert.equal(verdict.columns['task'], 'dataset');
  assert.equal(verdict.metrics.groups.find((g) => g.key === 'race=x')?.metrics['representation']?.value, 0.5);
});

test('edge cases: a column missing in one group only, an entirely missing column and a one-class label in the same check', async () => {
  const policy = dataPolicy(
    ['label: y', 'sensitive: [race]', 'columns: { race: { type: category, values: [x, y, z] }, income: { type: number } }'],
    ['- id: missing', '  missingness: { max_difference: 0.5 }', '- id: balance', '  label_balance: { max_difference: 0.1, min_ratio: 0.8 }', '- id: rep', '  representation: { min_share: 0.1 }', '- id: leak', '  leakage: {}'],
  );
  // income is missing on every row of race=y and on none of race=x; colour is missing everywhere; y is 0 everywhere.
  const rows = [header, ...Array.from({ length: 6 }, (_, i) => [`r${i}`, i < 3 ? 'x' : 'y', i < 3 ? i : '', '', 0])];
  const verdict = await checkData(policy, rows);
  const missing = findingOf(verdict, 'missing');
  assert.equal(missing.value, 1);
  assert.equal(missing.evidence?.['worst_column'], 'income');
  assert.deepEqual((missing.evidence?.['gaps'] as Record<string, number>)['colour'], 0); // missing everywhere: no gap
  const [difference, ratio] = findingsOf(verdict, 'balance');
  assert.equal(difference?.value, 0); // base rate 0 in both groups
  assert.equal(ratio?.status, 'insufficient_evidence'); // 0 / 0
  assert.equal(findingOf(verdict, 'rep', 'race=z').value, 0); // declared, empty
  assert.equal(findingOf(verdict, 'rep', 'race=z').status, 'fail');
  assert.equal(findingOf(verdict, 'leak').status, 'insufficient_evidence'); // one class: no AUC to compute
  assert.equal(verdict.dataset?.columns.find((c) => c.column === 'colour')?.missing, 6);
});
