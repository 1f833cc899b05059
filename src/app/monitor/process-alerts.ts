import { fail, type AlertDelivery, type AlertEvent, type CiContext, type Finding } from '../../core/index.ts';
import type { Monitor } from '../../policy/monitor/index.ts';
import type { DeliveryRow } from '../../store/index.ts';
import type { Ledger } from '../ledger/types.ts';
import { alertStates, planAlerts, type AlertPlan } from './alert-state.ts';
import type { AlertNotice } from './notify/alert.ts';
import { deliver, type RetryPolicy } from './notify/deliver.ts';
import { notifyRequest, retrainRequest, type SecretLookup } from './notify/payloads.ts';
import type { MonitorRun } from './run-monitor.ts';

export interface AlertOptions {
  readonly at: Date;
  /** Send notifications and retraining triggers; without it transitions are only recorded. */
  readonly notify: boolean;
  /** The environment secrets are read from (the CLI passes process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Seed of the retry jitter; default 0. */
  readonly seed?: number;
  readonly ci?: CiContext;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface AlertOutcome {
  readonly plan: AlertPlan;
  readonly events: readonly AlertEvent[];
  /** Deliveries that failed after every attempt (also recorded in the events, and shown by `steward monitor alerts`). */
  readonly failed: readonly AlertDelivery[];
}

/**
 * Turns a monitor run into alert transitions (alert-state.ts), sends each to every notification target (and the
 * retraining trigger for opened alerts of its rules), then appends one `alert` event per transition with the
 * deliveries' outcomes. Secrets are resolved before anything is sent, so a missing one changes nothing. A failed
 * delivery does not stop the others and is never lost: it is in the ledger.
 */
export async function processAlerts(ledger: Ledger, run: MonitorRun, options: AlertOptions): Promise<AlertOutcome> {
  const { monitor, verdict } = run;
  const secret = secretLookup(options.env);
  if (options.notify) checkSecrets(monitor, secret);
  const plan = planAlerts(verdict.findings, await alertStates(ledger, monitor.name, verdict.findings.map((finding) => finding.ruleId)), monitor, options.at);
  const at = options.at.toISOString();
  const model = verdict.model === undefined ? monitor.model : `${verdict.model.name}${verdict.model.version === undefined ? '' : `@${verdict.model.version}`}`;
  const notice = (action: AlertNotice['action'], finding: Finding): AlertNotice => ({
    action,
    monitor: monitor.name,
    rule: finding.ruleId,
    model,
    severity: finding.severity,
    window: run.window,
    message: finding.message,
    ...(finding.value === undefined ? {} : { value: finding.value }),
    evidence: verdict.digest,
    at,
  });
  const transitions = [...plan.open.map((finding) => notice('opened', finding)), ...plan.resolve.map(({ finding }) => notice('resolved', finding))];
  let seed = options.seed ?? 0;
  const retry = (): RetryPolicy => retryPolicy(monitor, seed++);
  const slots: number[][] = [];
  const events = await Promise.all(
    transitions.map(async (item, k): Promise<AlertEvent> => {
      const requests = options.notify ? monitor.notify.map((target) => notifyRequest(target, item, secret)) : [];
      const slotsOfItem = requests.map((_, slot) => slot);
      if (options.notify && item.action === 'opened' && monitor.retrain !== undefined && triggers(monitor, item)) {
        requests.push(retrainRequest(monitor.retrain, item, secret));
        slotsOfItem.push(monitor.notify.length);
      }
      slots[k] = slotsOfItem;
      const deliveries = await Promise.all(requests.map((request) => deliver(request, retry(), options.sleep)));
      return {
        v: 1,
        type: 'alert',
        recordedAt: at,
        ...(options.ci === undefined ? {} : { ci: options.ci }),
        action: item.action,
        monitor: item.monitor,
        rule: item.rule,
        model: item.model,
        window: item.window,
        severity: item.severity,
        evidence: item.evidence,
        deliveries,
      };
    }),
  );
  if (events.length > 0) {
    const appended = await ledger.append(events);
    if (options.notify) await ledger.store.monitors.addDeliveries(outboxRows(monitor, transitions, events, slots, appended.first, options.at));
  }
  return { plan, events, failed: events.flatMap((event) => event.deliveries.filter((d) => !d.ok)) };
}

/**
 * Every delivery of this run enters the outbox with its state, so `steward monitor alerts` lists delivered, pending
 * and failed ones alike: a retryable failure (network error, timeout, 429, 5xx) is pending, due for its first
 * redelivery round `redeliver_after` from now; any other failure is final.
 */
function outboxRows(monitor: Monitor, notices: readonly AlertNotice[], events: readonly AlertEvent[], slots: readonly number[][], first: number, at: Date): DeliveryRow[] {
  return events.flatMap((event, k) =>
    event.deliveries.map((delivery, d): DeliveryRow => {
      const slot = slots[k]?.[d] ?? d;
      const state = delivery.ok ? 'delivered' : retryable(delivery) && monitor.alerting.redeliveries > 0 ? 'pending' : 'failed';
      return {
        id: `${first + k}:${slot}`,
        monitor: monitor.name,
        rule: event.rule,
        alertIndex: first + k,
        slot,
        target: delivery.target,
        origin: delivery.url,
        notice: JSON.stringify(notices[k]),
        state,
        attempts: 1,
        ...(delivery.status === undefined ? {} : { lastStatus: delivery.status }),
        ...(delivery.error === undefined ? {} : { lastError: delivery.error }),
        nextAt: new Date(at.getTime() + (state === 'pending' ? monitor.alerting.redeliverAfterMs : 0)).toISOString(),
        updatedAt: at.toISOString(),
      };
    }),
  );
}

/** Worth sending again: no answer (network error, timeout), 429 or a 5xx. Other 4xx mean the request itself is wrong. */
export function retryable(delivery: AlertDelivery): boolean {
  return delivery.status === undefined || delivery.status === 429 || delivery.status >= 500;
}

export function retryPolicy(monitor: Monitor, seed: number): RetryPolicy {
  return { attempts: monitor.alerting.attempts, backoffMs: monitor.alerting.backoffMs, timeoutMs: monitor.alerting.timeoutMs, seed };
}

/** The retraining trigger fires for the rules it lists, or by default for every error-severity rule. */
function triggers(monitor: Monitor, notice: AlertNotice): boolean {
  const on = monitor.retrain?.on;
  return on === undefined ? notice.severity === 'error' : on.includes(notice.rule);
}

export function secretLookup(env: Readonly<Record<string, string | undefined>>): SecretLookup {
  return (name) => {
    const value = env[name];
    if (value === undefined || value === '') return fail('MONITOR_MISSING_SECRET', `the environment variable ${name} is not set`, { location: { path: name }, expected: 'the secret, token or routing key in that variable' });
    return value;
  };
}

/** Every secret the monitor's targets and retraining trigger name is set (MONITOR_MISSING_SECRET names the first that is not). */
export function checkSecrets(monitor: Monitor, secret: SecretLookup): void {
  for (const target of monitor.notify) {
    if (target.type === 'webhook' && target.secretEnv !== undefined) secret(target.secretEnv);
    if (target.type === 'pagerduty') secret(target.routingKeyEnv);
  }
  if (monitor.retrain !== undefined) secret(monitor.retrain.tokenEnv);
}
