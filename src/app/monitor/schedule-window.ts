import type { WindowRecord } from '../../store/index.ts';
import type { Ledger } from '../ledger/types.ts';
import { processAlerts, type AlertOutcome } from './process-alerts.ts';
import type { LoadedReference } from './reference.ts';
import { runStoredWindow, type StoredWindowRun } from './stored-window.ts';
import { selectorOf } from './window-profile.ts';
import { timeBounds } from './window-bounds.ts';
import type { Monitor } from '../../policy/monitor/index.ts';

/** A monitor given to `steward serve`, with its reference profile. */
export interface Watch {
  readonly monitor: Monitor;
  readonly reference: LoadedReference;
}

export interface WindowTurn {
  readonly owner: string;
  readonly now: Date;
  /** Claims older than this belong to a replica that died mid-evaluation and may be taken over. */
  readonly staleBefore: Date;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly notify: boolean;
  readonly seed: number;
}

export interface WindowOutcome {
  readonly run: StoredWindowRun;
  readonly alerts: AlertOutcome;
  /** True when the window was judged before while provisional and is judged again because labels came in. */
  readonly relabelled: boolean;
}

/** Labelled decisions of a recorded window now (one count query, no records read). */
async function labelledNow(ledger: Ledger, watch: Watch, record: WindowRecord): Promise<number> {
  const window = watch.monitor.window;
  const selector = selectorOf(watch.monitor);
  if (window?.kind === 'time') {
    const bounds = timeBounds(window, record.seq);
    return ledger.store.monitors.labelledInTime(selector, bounds.from, bounds.to);
  }
  if (record.first === undefined || record.last === undefined) return record.labelled;
  return ledger.store.monitors.labelledInOrder(selector, record.first, record.last);
}

/**
 * One window's turn on one replica: skipped (`undefined`) when another replica judged it (unless it is provisional
 * and labels came in since), when it is empty, or when a count window is not full yet; `busy` when another replica
 * is judging it right now (its claim is fresh, or it won the claim first). The window is profiled from the store,
 * then claimed — only the replica whose claim wins judges it, opens/resolves alerts and notifies — and recorded.
 */
export async function takeWindowTurn(ledger: Ledger, watch: Watch, seq: number, turn: WindowTurn): Promise<WindowOutcome | 'busy' | undefined> {
  const { monitor, reference } = watch;
  const monitors = ledger.store.monitors;
  const existing = await monitors.window(monitor.name, seq);
  let relabel: number | undefined;
  if (existing?.state === 'evaluated') {
    if (!existing.provisional || (await labelledNow(ledger, watch, existing)) <= existing.labelled) return undefined;
    relabel = existing.labelled;
  } else if (existing !== undefined && Date.parse(existing.claimedAt) >= turn.staleBefore.getTime()) {
    return 'busy'; // another replica is judging it right now
  }
  const run = await runStoredWindow(monitors, monitor, reference, seq);
  if (run === undefined || run.profile.rows === 0) return undefined;
  const claim = { monitor: monitor.name, seq, name: run.window, owner: turn.owner, claimedAt: turn.now.toISOString() };
  if (!(await monitors.claimWindow(claim, { staleBefore: turn.staleBefore.toISOString(), ...(relabel === undefined ? {} : { relabel }) }))) return 'busy';
  const alerts = await processAlerts(ledger, run, { at: turn.now, notify: turn.notify, env: turn.env, seed: turn.seed });
  const { profile } = run;
  await monitors.finishWindow({
    ...claim,
    state: 'evaluated',
    ...(profile.first === undefined ? {} : { first: profile.first }),
    ...(profile.last === undefined ? {} : { last: profile.last }),
    rows: profile.rows,
    labelled: profile.labelled,
    provisional: profile.labels?.provisional ?? false,
    verdict: run.verdict.digest,
    outcome: run.verdict.outcome,
    evaluatedAt: turn.now.toISOString(),
  });
  return { run, alerts, relabelled: relabel !== undefined };
}
