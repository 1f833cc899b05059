import { fail } from '../../core/index.ts';
import { loadMonitor } from '../../policy/monitor/index.ts';
import type { MonitorStore } from '../../store/index.ts';
import { loadReference, type LoadedReference } from './reference.ts';
import { runStoredWindow, windowOf, type StoredWindowRun } from './stored-window.ts';
import { latestClosedSeq, parseWindowArg } from './window-bounds.ts';
import { selectorOf } from './window-profile.ts';
import type { Monitor } from '../../policy/monitor/index.ts';

export interface StoredRunRequest {
  readonly monitorFile: string;
  /** Default: the monitor's `reference:`. */
  readonly referenceFile?: string;
  /** `--window`: a time window's RFC 3339 start or a count window's `#k`; default the latest closed window. */
  readonly window?: string;
  readonly now: Date;
}

/** A monitor and its reference, as `monitor run` and `serve --monitor` load them. */
export async function loadWatch(monitorFile: string, referenceFile?: string): Promise<{ monitor: Monitor; reference: LoadedReference }> {
  return watchOf(await loadMonitor(monitorFile), monitorFile, referenceFile);
}

/** A loaded monitor with its reference profile (`--reference`, else the monitor's `reference:`). */
export async function watchOf(monitor: Monitor, monitorFile: string, referenceFile?: string): Promise<{ monitor: Monitor; reference: LoadedReference }> {
  const file = referenceFile ?? monitor.reference;
  if (file === undefined) fail('USAGE_INVALID_ARGUMENT', `monitor ${monitorFile} names no reference profile`, { location: { path: '--reference' }, expected: '--reference <file>, or reference: <file> in the monitor' });
  return { monitor, reference: await loadReference(file, monitor) };
}

/**
 * `steward monitor run` without a data file: judges one window of the decisions ingested into the store — the one
 * `--window` names, else the latest closed one (time: the last whose end has passed; count: the last one full).
 */
export async function runMonitorOnStore(store: MonitorStore, request: StoredRunRequest): Promise<StoredWindowRun> {
  const { monitor, reference } = await loadWatch(request.monitorFile, request.referenceFile);
  const window = windowOf(monitor);
  if (request.window !== undefined) {
    const seq = parseWindowArg(window, request.window);
    const run = await runStoredWindow(store, monitor, reference, seq);
    if (run === undefined) fail('MONITOR_WINDOW_OPEN', `window ${request.window} of monitor ${monitor.name} has not closed: it holds fewer than ${window.kind === 'count' ? window.size : 0} decisions`, { location: { path: '--window' }, expected: 'a closed window' });
    if (window.kind === 'time' && seq > latestClosedSeq(window, request.now)) fail('MONITOR_WINDOW_OPEN', `window ${request.window} of monitor ${monitor.name} has not closed yet`, { location: { path: '--window' }, expected: 'a window whose end has passed' });
    return run;
  }
  if (window.kind === 'time') return (await runStoredWindow(store, monitor, reference, latestClosedSeq(window, request.now))) as StoredWindowRun;
  // the latest full window, from counts on the index: only that one window is read and judged
  const recorded = (await store.windows(monitor.name, 1))[0];
  const from = recorded?.last === undefined ? { seq: 0 } : { seq: recorded.seq + 1, after: recorded.last };
  const full = Math.floor((await store.countInOrder(selectorOf(monitor), from.after, Number.MAX_SAFE_INTEGER)) / window.size);
  const seq = full > 0 ? from.seq + full - 1 : from.seq - 1;
  const latest = seq < 0 ? undefined : await runStoredWindow(store, monitor, reference, seq);
  if (latest === undefined) fail('MONITOR_WINDOW_OPEN', `monitor ${monitor.name} has no full window of ${window.size} decisions yet`, { expected: 'ingested decisions of the watched model' });
  return latest;
}
