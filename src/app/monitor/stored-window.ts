import { fail } from '../../core/index.ts';
import type { Monitor, MonitorWindow } from '../../policy/monitor/index.ts';
import type { DecisionKey, MonitorStore } from '../../store/index.ts';
import type { LoadedReference } from './reference.ts';
import { judgeWindow, type MonitorRun } from './run-monitor.ts';
import { timeBounds, windowName } from './window-bounds.ts';
import { profileStoredWindow, selectorOf, type StoredWindowProfile, type WindowSource } from './window-profile.ts';

export interface StoredWindowRun extends MonitorRun {
  readonly seq: number;
  readonly profile: StoredWindowProfile;
}

/** The window setting a store run needs; a monitor without one can only judge files. */
export function windowOf(monitor: Monitor): MonitorWindow {
  if (monitor.window === undefined) {
    return fail('MONITOR_INVALID_FIELD', `monitor "${monitor.name}" has no window: it can judge a --current file but not windows of ingested decisions`, { location: monitor.location, expected: 'window: 1h (time) or window: { decisions: 1000 } (count)' });
  }
  return monitor.window;
}

/**
 * Where window `seq` of a count monitor starts: right after the last decision of window seq − 1 as recorded when it
 * was evaluated (so a window keeps its decisions for good), else after the first seq × size decisions, found on the
 * index without reading a record. `undefined` when the store does not hold that many decisions yet.
 */
async function countStart(store: MonitorStore, monitor: Monitor, size: number, seq: number): Promise<{ after?: DecisionKey } | undefined> {
  if (seq === 0) return {};
  const previous = await store.window(monitor.name, seq - 1);
  if (previous?.last !== undefined) return { after: previous.last };
  const after = await store.decisionKeyAt(selectorOf(monitor), undefined, seq * size - 1);
  return after === undefined ? undefined : { after };
}

/**
 * Profiles and judges window `seq` from the store. A count window that does not hold `size` decisions yet is not
 * closed: `undefined`, known from a count query (no decision is read). A time window is judged whatever it holds (the caller decides whether it has closed).
 */
export async function runStoredWindow(store: MonitorStore, monitor: Monitor, reference: LoadedReference, seq: number): Promise<StoredWindowRun | undefined> {
  const window = windowOf(monitor);
  let source: WindowSource;
  if (window.kind === 'time') {
    const bounds = timeBounds(window, seq);
    source = { kind: 'time', from: bounds.from, to: bounds.to };
  } else {
    const start = await countStart(store, monitor, window.size, seq);
    // an open window is the common case on every tick: tell it from one bounded count, before reading any record
    if (start === undefined || (await store.countInOrder(selectorOf(monitor), start.after, window.size)) < window.size) return undefined;
    source = { kind: 'count', size: window.size, ...start };
  }
  const profile = await profileStoredWindow(store, monitor, reference.columns, source);
  const name = windowName(window, seq);
  const verdict = judgeWindow({
    monitor,
    reference,
    rows: profile.rows,
    profiles: profile.profiles,
    ...(profile.labels === undefined ? {} : { labels: profile.labels }),
    dataset: { role: 'dataset', file: `decisions:${monitor.name}/${name}`, digest: profile.digest, rows: profile.rows },
  });
  return { monitor, reference, window: name, verdict, seq, profile };
}
