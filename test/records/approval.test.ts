import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { localApprover, openLedger, readLog, recordApproval, type ApprovalRequest, type Ledger } from '../../src/app/index.ts';
import { canonicalJson } from '../../src/core/index.ts';
import { deployment, verdict, version } from './events.ts';

const at = new Date('2026-11-02T09:30:00Z');
const ci = { provider: 'github' as const, repository: 'acme/credit', commit: 'f00d', actor: 'ci-bot' };
let dir: string;
let ledger: Ledger;

// #0 m@1, #1 m@2, #2 passing verdict of m@1, #3 failing verdict of m@1, #4 verdict of m@2, #5 deployment of m@1
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'steward-approvals-'));
  ledger = await openLedger({ store: join(dir, 'steward.db') });
  await ledger.append([
    version('m', '1', '2026-11-01T00:00:00Z'),
    version('m', '2', '2026-11-01T00:00:00Z'),
    verdict('m', '1', '2026-11-01T01:00:00Z', []),
    verdict('m', '1', '2026-11-01T02:00:00Z', [], 'fail'),
    verdict('m', '2', '2026-11-01T03:00:00Z', []),
    deployment('m', '1', 'staging', '2026-11-01T04:00:00Z'),
  ]);
});
after(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = (extra: Partial<ApprovalRequest> = {}): ApprovalRequest => ({ ref: 'm@1', decision: 'approved', approver: 'ana', comment: 'fairness within bounds', ...extra });

/** Asserts the call fails with the code, that its message names what it should, and that the log did not grow. */
async function refused(code: string, names: RegExp, call: () => Promise<unknown>): Promise<void> {
  const size = await ledger.size();
  await assert.rejects(call(), (error: { code?: string; problem?: { message?: string } }) => error.code === code && names.test(error.problem?.message ?? ''));
  assert.equal(await ledger.size(), size, `${code}: nothing appended`);
}

test('an approval of a verdict is appended with the approver, the trimmed comment and the CI context', async () => {
  const result = await recordApproval(ledger, request({ verdict: 2, comment: '  fairness within bounds \n' }), { at, ci });
  assert.equal(result.index, 6);
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.event, {
    v: 1,
    recordedAt: '2026-11-02T09:30:00.000Z',
    ci,
    type: 'approval',
    model: 'm',
    version: '1',
    decision: 'approved',
    approver: 'ana',
    comment: 'fairness within bounds',
    verdict: 2,
  });
  const [stored] = await readLog(ledger, { kind: 'approval' });
  assert.equal(canonicalJson(stored?.event), canonicalJson(result.event), 'the leaf is the event as returned');
});

test('a rejection without a verdict is recorded too, after the approval, and both stay in the log', async () => {
  const result = await recordApproval(ledger, request({ decision: 'rejected', approver: 'bo', comment: 'baseline AUC dropped' }), { at });
  assert.equal(result.event.decision, 'rejected');
  assert.equal(result.event.verdict, undefined);
  assert.equal('verdict' in result.event, false, 'no verdict field rather than an undefined one');
  const approvals = await readLog(ledger, { kind: 'approval', model: 'm' });
  assert.deepEqual(approvals.map(({ event }) => (event.type === 'approval' ? [event.approver, event.decision] : [])), [['ana', 'approved'], ['bo', 'rejected']]);
});

test('approving a failed verdict is allowed and warned about; rejecting it is not warned about', async () => {
  const approved = await recordApproval(ledger, request({ verdict: 3 }), { at });
  assert.deepEqual(approved.warnings, ['verdict #3 failed; this approval overrides the gate for m@1']);
  const rejected = await recordApproval(ledger, request({ verdict: 3, decision: 'rejected' }), { at });
  assert.deepEqual(rejected.warnings, []);
});

test('an unknown version is RECORD_UNKNOWN_VERSION and appends nothing', async () => {
  await refused('RECORD_UNKNOWN_VERSION', /m@9 was never recorded/, () => recordApproval(ledger, request({ ref: 'm@9' }), { at }));
  await refused('RECORD_INVALID_REFERENCE', /"m" does not name a model version/, () => recordApproval(ledger, request({ ref: 'm' }), { at }));
});

test('a verdict index that is not a verdict of that version is RECORD_UNKNOWN_VERDICT naming --verdict, and appends nothing', async () => {
  await refused('RECORD_UNKNOWN_VERDICT', /^verdict #4 \(--verdict\) is a verdict of m@2, not of m@1$/, () => recordApproval(ledger, request({ verdict: 4 }), { at }));
  await refused('RECORD_UNKNOWN_VERDICT', /^verdict #5 \(--verdict\) is a deployment event, not a verdict$/, () => recordApproval(ledger, request({ verdict: 5 }), { at }));
  await refused('RECORD_UNKNOWN_VERDICT', /^verdict #999 \(--verdict\) does not exist \(the log has \d+ events\)$/, () => recordApproval(ledger, request({ verdict: 999 }), { at }));
  await refused('RECORD_UNKNOWN_VERDICT', /is not a log index/, () => recordApproval(ledger, request({ verdict: -1 }), { at }));
});

test('an empty or blank comment, or a blank approver, is RECORD_EMPTY_FIELD and appends nothing', async () => {
  await refused('RECORD_EMPTY_FIELD', /comment \(--comment\) is empty/, () => recordApproval(ledger, request({ comment: '' }), { at }));
  await refused('RECORD_EMPTY_FIELD', /comment \(--comment\) is empty/, () => recordApproval(ledger, request({ comment: ' \t\n' }), { at }));
  await refused('RECORD_EMPTY_FIELD', /approver \(--by\) is empty/, () => recordApproval(ledger, request({ approver: ' ' }), { at }));
});

test('locally the approver is --by, else the CI actor, else the OS user', () => {
  assert.equal(localApprover('ana', ci, 'root'), 'ana');
  assert.equal(localApprover(undefined, ci, 'root'), 'ci-bot');
  assert.equal(localApprover(undefined, { provider: 'gitlab' }, 'root'), 'root');
  assert.equal(localApprover(undefined, undefined, 'root'), 'root');
});
