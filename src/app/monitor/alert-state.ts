import type { AlertEvent, Finding, LedgerEvent, Severity } from '../../core/index.ts';
import type { Monitor } from '../../policy/monitor/index.ts';
import type { Ledger } from '../ledger/types.ts';

/** The state of one monitor rule's alert, derived from its `alert` events (the ledger is the truth; no table). */
export interface AlertState {
  readonly rule: string;
  readonly open: boolean;
  /** The latest `opened` event (for cooldown), and the latest event of any action. */
  readonly lastOpened?: AlertEvent;
  readonly last: AlertEvent;
}

const decoder = new TextDecoder();

/**
 * The ledger's alert events in log order, read through the store's alert index: of the given rules of one monitor
 * (their subjects, `monitor:<name>:<rule>`), else of one monitor or of all. Never a pass over the whole log.
 */
export async function alertEvents(ledger: Ledger, monitor?: string, rules?: readonly string[]): Promise<{ index: number; event: AlertEvent }[]> {
  const subjects = monitor === undefined || rules === undefined ? undefined : rules.map((rule) => `monitor:${monitor}:${rule}`);
  const leaves = await ledger.store.monitors.alertLeaves(subjects);
  return leaves
    .map(({ index, leaf }) => ({ index, event: JSON.parse(decoder.decode(leaf)) as LedgerEvent }))
    .filter((item): item is { index: number; event: AlertEvent } => item.event.type === 'alert' && (monitor === undefined || item.event.monitor === monitor));
}

/**
 * Replays the alert events of one monitor (all monitors when `monitor` is undefined; only `rules` when given — a
 * judgement needs the state of its findings' rules only), in log order.
 */
export async function alertStates(ledger: Ledger, monitor?: string, rules?: readonly string[]): Promise<Map<string, AlertState>> {
  const states = new Map<string, AlertState>();
  for (const { event } of await alertEvents(ledger, monitor, rules)) {
    const key = monitor === undefined ? `${event.monitor}:${event.rule}` : event.rule;
    const before = states.get(key);
    const lastOpened = event.action === 'opened' ? event : before?.lastOpened;
    states.set(key, { rule: event.rule, open: event.action === 'opened', last: event, ...(lastOpened === undefined ? {} : { lastOpened }) });
  }
  return states;
}

const rank: Readonly<Record<Severity, number>> = { info: 0, warn: 1, error: 2 };

export interface AlertPlan {
  /** Firing findings with no open alert: an alert opens. */
  readonly open: readonly Finding[];
  /** Open alerts whose rule passed: the alert resolves. */
  readonly resolve: readonly { readonly rule: string; readonly state: AlertState; readonly finding: Finding }[];
  /** Firing findings that open nothing, and why (already open = dedup, cooldown, below min_severity). */
  readonly quiet: readonly { readonly rule: string; readonly reason: string }[];
}

/**
 * Alert transitions of one run. A finding fires when its status is fail or warn. Dedup: a rule with an open alert
 * opens no second one. Cooldown: a rule whose last alert opened less than `cooldown` before `at` opens none (this
 * damps flapping). Resolve: an open alert whose rule passed. Insufficient evidence changes nothing.
 */
export function planAlerts(findings: readonly Finding[], states: ReadonlyMap<string, AlertState>, monitor: Monitor, at: Date): AlertPlan {
  const open: Finding[] = [];
  const resolve: { rule: string; state: AlertState; finding: Finding }[] = [];
  const quiet: { rule: string; reason: string }[] = [];
  for (const finding of findings) {
    const state = states.get(finding.ruleId);
    const fired = finding.status === 'fail' || finding.status === 'warn';
    if (!fired) {
      if (finding.status === 'pass' && state?.open === true) resolve.push({ rule: finding.ruleId, state, finding });
      continue;
    }
    if (rank[finding.severity] < rank[monitor.alerting.minSeverity]) quiet.push({ rule: finding.ruleId, reason: `severity ${finding.severity} is below min_severity ${monitor.alerting.minSeverity}` });
    else if (state?.open === true) quiet.push({ rule: finding.ruleId, reason: `an alert is already open (since ${state.lastOpened?.recordedAt ?? '?'})` });
    else if (state?.lastOpened !== undefined && at.getTime() - Date.parse(state.lastOpened.recordedAt) < monitor.alerting.cooldownMs) quiet.push({ rule: finding.ruleId, reason: `cooldown: the last alert opened at ${state.lastOpened.recordedAt}` });
    else open.push(finding);
  }
  return { open, resolve, quiet };
}
