import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineageOf } from '../../src/app/lineage/lineage.ts';
import { filterLog } from '../../src/app/lineage/log-filter.ts';
import { lineageJson, lineageMermaid, lineageText } from '../../src/app/lineage/render-lineage.ts';
import type { LedgerEvent } from '../../src/core/index.ts';
import { dataset, deployment, digest, log, run, verdict, version } from './events.ts';

const events = log(
  dataset('loans', 'loans v1', '2026-01-01T00:00:00Z'),
  dataset('labels', 'labels v1', '2026-01-01T00:00:00Z'),
  run('train-1', [{ name: 'loans', content: 'loans v1' }, { name: 'labels', content: 'labels v1' }], '2026-01-02T00:00:00Z', 'c0ffee'),
  version('m', '1', '2026-01-03T00:00:00Z', 'train-1'),
  dataset('loans', 'loans v2', '2026-01-04T00:00:00Z'),
  verdict('m', '1', '2026-01-05T00:00:00Z', [{ ruleId: 'acc', metric: 'accuracy', value: 0.9 }]),
  verdict('other', '1', '2026-01-05T00:00:00Z', []),
  deployment('m', '1', 'production', '2026-01-06T00:00:00Z'),
  version('m', '2', '2026-01-07T00:00:00Z', 'ghost-run'),
);

test('upstream is the run, its commit and the exact dataset contents it pinned', () => {
  const lineage = lineageOf(events, 'm', '1');
  assert.equal(lineage.run?.event.id, 'train-1');
  assert.equal(lineage.code?.commit, 'c0ffee');
  assert.deepEqual(lineage.datasets.map((d) => [d.name, d.digest, d.record?.index]), [
    ['loans', digest('loans v1'), 0],
    ['labels', digest('labels v1'), 1],
  ]);
});

test('downstream is the verdicts and deployments of this version only', () => {
  const lineage = lineageOf(events, 'm', '1');
  assert.deepEqual(lineage.verdicts.map((v) => v.index), [5]);
  assert.deepEqual(lineage.deployments.map((d) => d.event.environment), ['production']);
});

test('a run named but never recorded shows as such; an unknown version is RECORD_UNKNOWN_VERSION', () => {
  const lineage = lineageOf(events, 'm', '2');
  assert.equal(lineage.runId, 'ghost-run');
  assert.equal(lineage.run, undefined);
  assert.match(lineageText(lineage), /run ghost-run \(not recorded\)/);
  assert.throws(
    () => lineageOf(events, 'm', '9'),
    (error: { code?: string; problem?: { expected?: string } }) => error.code === 'RECORD_UNKNOWN_VERSION' && error.problem?.expected === 'one of: 1, 2',
  );
});

test('the text tree and the Mermaid flowchart show every upstream and downstream node', () => {
  const lineage = lineageOf(events, 'm', '1');
  const text = lineageText(lineage);
  for (const part of ['m@1', 'run train-1', 'c0ffee', 'dataset loans', 'dataset labels', 'verdict PASS', 'deployment → production']) assert.ok(text.includes(part), part);
  const mermaid = lineageMermaid(lineage);
  assert.match(mermaid, /^flowchart LR\n/);
  assert.equal((mermaid.match(/ --> /g) ?? []).length, 1 + 1 + 2 + 1 + 1); // run→version, code→run, 2 datasets→run, verdict, deployment
  assert.ok(!/<(?!br\/>)/.test(mermaid), 'only <br/> is raw markup');
});

test('the log filters by kind, model and an inclusive time window', () => {
  assert.deepEqual(filterLog(events, { kind: 'dataset' }).map((e) => e.index), [0, 1, 4]);
  assert.deepEqual(filterLog(events, { model: 'm' }).map((e) => e.index), [2, 3, 5, 7, 8]); // the run trains m too
  assert.deepEqual(
    filterLog(events, { since: new Date('2026-01-04T00:00:00Z'), until: new Date('2026-01-06T00:00:00Z') }).map((e) => e.index),
    [4, 5, 6, 7],
  );
});

test('a data check recorded on the exact content a run used shows under that dataset; one on other content does not', () => {
  const dataCheck = (content: string, at: string, outcome: 'pass' | 'fail'): LedgerEvent => ({
    ...(verdict('m', '1', at, []) as LedgerEvent & { type: 'verdict' }),
    model: 'm',
    policy: { name: 'training-data', digest: digest('data policy') },
    inputs: [{ role: 'dataset', file: 'train.csv', digest: digest(content), rows: 100 }],
    outcome,
  });
  const withChecks = log(
    ...events.map((recorded) => recorded.event),
    dataCheck('loans v1', '2026-01-01T12:00:00Z', 'pass'),
    dataCheck('loans v2', '2026-01-08T00:00:00Z', 'fail'),
  );
  const lineage = lineageOf(withChecks, 'm', '1');
  const loans = lineage.datasets.find((d) => d.name === 'loans');
  assert.deepEqual(loans?.checks.map((check) => [check.index, check.event.outcome]), [[9, 'pass']]);
  assert.deepEqual(lineage.datasets.find((d) => d.name === 'labels')?.checks, []);
  assert.match(lineageText(lineage), /dataset loans .*\n.*data check pass · policy training-data/);
  assert.match(lineageMermaid(lineage), /dataset0 --> datacheck0_0/);
});

test('approvals and rejections of a version show downstream in log order: text, JSON and Mermaid; the log filters them by kind', () => {
  const approval = (v: string, decision: 'approved' | 'rejected', approver: string, at: string, verdictIndex?: number): LedgerEvent => ({
    v: 1, recordedAt: at, type: 'approval', model: 'm', version: v, decision, approver, comment: `${decision} "as discussed"`, ...(verdictIndex === undefined ? {} : { verdict: verdictIndex }),
  });
  const withApprovals = log(
    ...events.map((recorded) => recorded.event),
    approval('1', 'approved', 'ana', '2026-01-05T12:00:00Z', 5),
    approval('2', 'approved', 'ana', '2026-01-08T00:00:00Z'),
    approval('1', 'rejected', 'bo', '2026-01-09T00:00:00Z'),
  );
  const lineage = lineageOf(withApprovals, 'm', '1');
  assert.deepEqual(lineage.approvals.map((a) => [a.index, a.event.decision, a.event.approver]), [[9, 'approved', 'ana'], [11, 'rejected', 'bo']]);
  const downstream = lineageText(lineage).split('\n').slice(-4, -1);
  assert.deepEqual(downstream, [
    `   ├─ deployment → production  (#7, 2026-01-06T00:00:00Z)`,
    `   ├─ approval approved by ana (verdict #5): "approved \\"as discussed\\""  (#9, 2026-01-05T12:00:00Z)`,
    `   └─ approval rejected by bo: "rejected \\"as discussed\\""  (#11, 2026-01-09T00:00:00Z)`,
  ]);
  const json = lineageJson(lineage) as { downstream: { approvals: { index: number }[] } };
  assert.deepEqual(json.downstream.approvals.map((a) => a.index), [9, 11]);
  const mermaid = lineageMermaid(lineage);
  assert.match(mermaid, /\n {2}approval0>"approved by ana<br\/>2026-01-05T12:00:00Z"\]\n {2}verdict0 --> approval0\n/, 'an approval of a verdict hangs off that verdict');
  assert.match(mermaid, /\n {2}approval1>"rejected by bo<br\/>2026-01-09T00:00:00Z"\]\n {2}version --> approval1\n/, 'one without a verdict off the version');
  assert.deepEqual(filterLog(withApprovals, { kind: 'approval' }).map((e) => e.index), [9, 10, 11]);
  assert.deepEqual(filterLog(withApprovals, { kind: 'approval', model: 'other' }), []);
});
