import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../src/core/index.ts';
import type { DecisionKey, WindowDecision } from '../../src/store/index.ts';
import { forEachDialect } from '../app-ledger/dialects.ts';
import { decisions, labels, monitorFixture, range, spyOnMonitors } from './schedule-helpers.ts';

const MONITOR = `window: { decisions: 40 }
labels:
  y_true: label
  y_pred: prediction
  min_coverage: 0.8
  metrics:
    - { id: accuracy-floor, metric: accuracy, min: 0.9, severity: error }
`;

const accuracyOf = (findings: readonly Finding[]): Finding => findings.find((f) => f.ruleId === 'accuracy-floor') as Finding;

forEachDialect('serve --monitor schedule, late labels', (harness) => {
  test('a late label that lifts coverage to min_coverage turns the window final: only that window is read again, its metrics update, its findings stop saying provisional', async () => {
    const fixture = await monitorFixture(await harness.freshUrl(), MONITOR);
    try {
      const now = () => new Date('2026-06-03T00:00:00Z');
      await fixture.ingest.decisions(decisions(0, 100, '2026-06-01T10:00:00Z'));
      // window #0 = d-0…d-39: 20 labels, 4 of them wrong (accuracy 16/20); #1 = d-40…d-79: 10 correct labels; #2 open
      await fixture.ingest.labels([...labels(range(0, 20), new Set([0, 1, 2, 3])), ...labels(range(40, 50))]);
      const first = await fixture.schedule({ now }).tick();
      assert.deepEqual(first.map((o) => [o.run.window, o.run.profile.rows, o.run.profile.labelled, o.relabelled]), [['#0', 40, 20, false], ['#1', 40, 10, false]]);
      const provisional = accuracyOf(first[0]?.run.verdict.findings ?? []);
      assert.deepEqual([provisional.status, provisional.value, provisional.evidence], ['warn', 0.8, { coverage: 0.5, provisional: true, minCoverage: 0.8 }]);
      assert.match(provisional.message, /accuracy is 0\.8, outside its bound \(provisional: label coverage 0\.5 < 0\.8\)/);

      // 12 more correct labels in #0: 32 of 40 labelled (coverage 0.8, final), accuracy 28/32
      await fixture.ingest.labels(labels(range(20, 32)));
      const spy = spyOnMonitors(fixture.ledger);
      const second = await fixture.schedule({ now, ledger: spy.ledger }).tick();
      assert.deepEqual(second.map((o) => [o.run.window, o.run.profile.rows, o.run.profile.labelled, o.relabelled]), [['#0', 40, 32, true]]);
      const run = second[0]?.run;
      assert.ok(run !== undefined);
      assert.deepEqual([run.profile.labels?.coverage, run.profile.labels?.provisional, run.profile.labels?.metrics.overall.metrics.accuracy?.value], [0.8, false, 0.875]);
      const final = accuracyOf(run.verdict.findings);
      assert.deepEqual([final.status, final.value, final.evidence], ['fail', 0.875, { coverage: 0.8, provisional: false, minCoverage: 0.8 }]);
      assert.doesNotMatch(final.message, /provisional/);
      assert.equal(run.verdict.outcome, 'fail', 'a final window\'s failing label rule fails the verdict');

      // what the tick read: the 40 decisions of #0 and nothing else; #1 (no new label) and the open #2 were only counted
      const reads = spy.calls.filter((c) => c.method === 'decisionsInOrder' || c.method === 'decisionsInTime');
      assert.deepEqual(reads.map((c) => c.method), ['decisionsInOrder'], 'one page: the window fits in one');
      assert.equal(reads[0]?.args[1], undefined, 'from the first decision');
      assert.deepEqual((reads[0]?.result as WindowDecision[]).map((d) => JSON.parse(d.record).decision_id), range(0, 40).map((k) => `d-${k}`));
      assert.deepEqual(spy.calls.filter((c) => c.method === 'readLeaves'), [], 'alert state comes from the alert index, not a pass over the log');
      const counted = spy.calls.filter((c) => c.method === 'labelledInOrder' || c.method === 'countInOrder').map((c) => [c.method, c.result]);
      assert.deepEqual(counted, [['labelledInOrder', 32], ['countInOrder', 40], ['labelledInOrder', 10], ['countInOrder', 20]]);
      const records = await fixture.ledger.store.monitors.windows('credit-watch', 10);
      assert.deepEqual(records.map((r) => [r.seq, r.labelled, r.provisional, r.outcome]), [[1, 10, true, 'pass'], [0, 32, false, 'fail']]);
      const last = records[1]?.last as DecisionKey;
      assert.deepEqual((await fixture.ledger.store.monitors.decisionsInOrder({ model: 'credit' }, last, 1)).map((d) => JSON.parse(d.record).decision_id), ['d-40'], '#0 still ends at d-39');

      // a final window is not judged again, whatever labels come later
      await fixture.ingest.labels(labels(range(32, 40)));
      const again = spyOnMonitors(fixture.ledger);
      assert.deepEqual(await fixture.schedule({ now, ledger: again.ledger }).tick(), []);
      assert.deepEqual(again.calls.filter((c) => c.method === 'decisionsInOrder' || c.method === 'labelledInOrder').map((c) => [c.method, c.result]), [['labelledInOrder', 10]]);
    } finally {
      await fixture.close();
    }
  });
});
