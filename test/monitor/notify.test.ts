import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import test from 'node:test';
import { deliver, notifyRequest, retrainRequest, type AlertNotice } from '../../src/app/monitor/index.ts';
import { deadUrl, receiver } from './helpers.ts';

const notice: AlertNotice = {
  action: 'opened',
  monitor: 'credit-drift',
  rule: 'drift.income',
  model: 'credit-scoring@1.0.0',
  severity: 'error',
  window: 'sha256:aa',
  message: 'column income drifted',
  value: 0.61,
  evidence: `sha256:${'b'.repeat(64)}`,
  at: '2026-11-26T12:00:00.000Z',
};
const secrets: Record<string, string> = { HOOK_SECRET: 's3cret', PD_KEY: 'routing-key-1', GH_TOKEN: 'ghp_x', GL_TOKEN: 'glptt-y' };
const secret = (name: string) => secrets[name] ?? '';
const fast = { attempts: 4, backoffMs: 5, timeoutMs: 2_000, seed: 1 };

test('the webhook body is signed: the receiver recomputes HMAC-SHA256 over the bytes it got and it matches', async () => {
  const hook = await receiver();
  try {
    const delivery = await deliver(notifyRequest({ type: 'webhook', url: `${hook.url}/hook`, secretEnv: 'HOOK_SECRET' }, notice, secret), fast);
    assert.equal(delivery.ok, true);
    const got = hook.received[0];
    const expected = `sha256=${createHmac('sha256', 's3cret').update(got?.body ?? '').digest('hex')}`;
    assert.equal(got?.headers['x-steward-signature'], expected);
    assert.equal(JSON.parse(got?.body ?? '{}').rule, 'drift.income');
    const forged = `sha256=${createHmac('sha256', 'wrong').update(got?.body ?? '').digest('hex')}`;
    assert.notEqual(got?.headers['x-steward-signature'], forged);
  } finally {
    await hook.close();
  }
});

test('a receiver that fails twice gets the alert on the third attempt, and the delivery says so', async () => {
  const hook = await receiver((count) => (count <= 2 ? 503 : 200));
  try {
    const delivery = await deliver(notifyRequest({ type: 'slack', url: `${hook.url}/slack` }, notice, secret), fast);
    assert.deepEqual({ ok: delivery.ok, attempts: delivery.attempts, status: delivery.status }, { ok: true, attempts: 3, status: 200 });
    assert.equal(hook.received.length, 3);
    assert.equal(hook.received[2]?.body, hook.received[0]?.body);
  } finally {
    await hook.close();
  }
});

test('a client error (400) is not retried: the request itself is wrong', async () => {
  const hook = await receiver(() => 400);
  try {
    const delivery = await deliver(notifyRequest({ type: 'slack', url: hook.url }, notice, secret), fast);
    assert.deepEqual({ ok: delivery.ok, attempts: delivery.attempts, status: delivery.status }, { ok: false, attempts: 1, status: 400 });
  } finally {
    await hook.close();
  }
});

test('a receiver that is down is tried the bounded number of times with growing delays, then reported failed', async () => {
  const delays: number[] = [];
  const delivery = await deliver(notifyRequest({ type: 'slack', url: await deadUrl() }, notice, secret), fast, async (ms) => {
    delays.push(ms);
  });
  assert.equal(delivery.ok, false);
  assert.equal(delivery.attempts, 4);
  assert.equal(delays.length, 3);
  for (let i = 0; i < delays.length; i++) {
    const base = 5 * 2 ** i;
    assert.ok((delays[i] as number) >= base * 0.5 && (delays[i] as number) < base * 1.5, `delay ${i}: ${delays[i]}`);
  }
  assert.match(delivery.error ?? '', /ECONNREFUSED/);
});

test('Slack gets text and blocks; PagerDuty gets an Events v2 trigger, and a resolve with the same dedup_key', async () => {
  const hook = await receiver();
  try {
    await deliver(notifyRequest({ type: 'slack', url: hook.url }, notice, secret), fast);
    await deliver(notifyRequest({ type: 'pagerduty', url: hook.url, routingKeyEnv: 'PD_KEY' }, notice, secret), fast);
    await deliver(notifyRequest({ type: 'pagerduty', url: hook.url, routingKeyEnv: 'PD_KEY' }, { ...notice, action: 'resolved' }, secret), fast);
    const [slack, trigger, resolve] = hook.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    assert.match(String(slack?.text), /\[ERROR\] credit-drift \/ drift\.income/);
    assert.ok(Array.isArray(slack?.blocks) && slack.blocks.length > 0);
    assert.equal(trigger?.routing_key, 'routing-key-1');
    assert.equal(trigger?.event_action, 'trigger');
    const payload = trigger?.payload as Record<string, unknown>;
    assert.deepEqual([payload.severity, payload.source, typeof payload.summary], ['error', 'steward/credit-drift', 'string']);
    assert.equal(resolve?.event_action, 'resolve');
    assert.equal(resolve?.dedup_key, trigger?.dedup_key);
  } finally {
    await hook.close();
  }
});

test('retraining: GitHub repository_dispatch with a bearer token, GitLab pipeline trigger with token, ref and variables', async () => {
  const hook = await receiver();
  try {
    await deliver(retrainRequest({ type: 'github', url: `${hook.url}/repos/o/r/dispatches`, tokenEnv: 'GH_TOKEN', eventType: 'retrain' }, notice, secret), fast);
    await deliver(retrainRequest({ type: 'gitlab', url: `${hook.url}/api/v4/projects/7/trigger/pipeline`, tokenEnv: 'GL_TOKEN', ref: 'main' }, notice, secret), fast);
    const [github, gitlab] = hook.received;
    assert.equal(github?.headers.authorization, 'Bearer ghp_x');
    const dispatch = JSON.parse(github?.body ?? '{}') as { event_type: string; client_payload: { steward: { rule: string } } };
    assert.equal(dispatch.event_type, 'retrain');
    assert.equal(dispatch.client_payload.steward.rule, 'drift.income');
    assert.equal(gitlab?.headers['content-type'], 'application/x-www-form-urlencoded');
    const form = new URLSearchParams(gitlab?.body ?? '');
    assert.deepEqual([form.get('token'), form.get('ref'), form.get('variables[STEWARD_RULE]')], ['glptt-y', 'main', 'drift.income']);
  } finally {
    await hook.close();
  }
});

test('a delivery records only the receiver\'s origin: a Slack-style secret path or a query token never reaches the ledger', async () => {
  const hook = await receiver();
  try {
    const delivery = await deliver(notifyRequest({ type: 'slack', url: `${hook.url}/services/T000/B000/SECRETPART?token=abc` }, notice, secret), fast);
    assert.equal(delivery.url, hook.url);
    assert.equal(hook.received[0]?.url, '/services/T000/B000/SECRETPART?token=abc');
  } finally {
    await hook.close();
  }
});
