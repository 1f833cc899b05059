import { createHmac } from 'node:crypto';
import { canonicalJson } from '../../../core/index.ts';
import type { NotifyTarget, RetrainTrigger } from '../../../policy/monitor/index.ts';
import { dedupKey, summaryLine, type AlertNotice } from './alert.ts';
import type { HttpRequest } from './deliver.ts';

const json = { 'content-type': 'application/json' };

/** `sha256=` + hex HMAC-SHA256 of the exact body bytes under the shared secret (the GitHub webhook convention). */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Reads a secret from the environment given to the use case (the app never reads process.env itself). */
export type SecretLookup = (name: string) => string;

/**
 * The request for one target:
 * - webhook: the notice as canonical JSON, signed in `X-Steward-Signature` when `secret_env` is set;
 * - slack: an incoming-webhook message, `text` (the fallback and notification line) plus a section block;
 * - pagerduty: Events API v2, `event_action` trigger/resolve with `dedup_key`, `payload.summary/source/severity`.
 */
export function notifyRequest(target: NotifyTarget, notice: AlertNotice, secret: SecretLookup): HttpRequest {
  switch (target.type) {
    case 'webhook': {
      const body = canonicalJson({ type: 'steward.alert/v1', ...notice, dedupKey: dedupKey(notice) });
      const headers = target.secretEnv === undefined ? json : { ...json, 'x-steward-signature': signature(secret(target.secretEnv), body) };
      return { target: 'webhook', url: target.url, headers, body };
    }
    case 'slack': {
      const text = summaryLine(notice);
      const body = JSON.stringify({
        text,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(text)}*` } },
          { type: 'context', elements: [{ type: 'mrkdwn', text: `window \`${escapeSlack(notice.window)}\` · evidence \`${notice.evidence}\`` }] },
        ],
      });
      return { target: 'slack', url: target.url, headers: json, body };
    }
    case 'pagerduty': {
      const trigger = notice.action === 'opened';
      const body = JSON.stringify({
        routing_key: secret(target.routingKeyEnv),
        event_action: trigger ? 'trigger' : 'resolve',
        dedup_key: dedupKey(notice),
        ...(trigger
          ? {
              payload: {
                summary: summaryLine(notice).slice(0, 1024),
                source: `steward/${notice.monitor}`,
                severity: notice.severity === 'error' ? 'error' : notice.severity === 'warn' ? 'warning' : 'info',
                timestamp: notice.at,
                component: notice.model,
                group: notice.monitor,
                class: notice.rule,
                custom_details: { window: notice.window, evidence: notice.evidence, value: notice.value ?? null },
              },
            }
          : {}),
      });
      return { target: 'pagerduty', url: target.url, headers: json, body };
    }
  }
}

/**
 * The retraining request: GitHub `repository_dispatch` (`{event_type, client_payload}` with a bearer token and the
 * GitHub media type) or a GitLab pipeline trigger (form fields `token`, `ref`, `variables[…]`).
 */
export function retrainRequest(trigger: RetrainTrigger, notice: AlertNotice, secret: SecretLookup): HttpRequest {
  if (trigger.type === 'github') {
    return {
      target: 'github',
      url: trigger.url,
      headers: { ...json, accept: 'application/vnd.github+json', authorization: `Bearer ${secret(trigger.tokenEnv)}`, 'x-github-api-version': '2022-11-28' },
      body: JSON.stringify({ event_type: trigger.eventType, client_payload: { steward: { ...notice, dedupKey: dedupKey(notice) } } }),
    };
  }
  const form = new URLSearchParams();
  form.set('token', secret(trigger.tokenEnv));
  form.set('ref', trigger.ref);
  form.set('variables[STEWARD_MONITOR]', notice.monitor);
  form.set('variables[STEWARD_RULE]', notice.rule);
  form.set('variables[STEWARD_MODEL]', notice.model);
  form.set('variables[STEWARD_SEVERITY]', notice.severity);
  form.set('variables[STEWARD_WINDOW]', notice.window);
  form.set('variables[STEWARD_EVIDENCE]', notice.evidence);
  return { target: 'gitlab', url: trigger.url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() };
}

function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
