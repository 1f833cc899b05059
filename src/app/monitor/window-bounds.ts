import { fail } from '../../core/index.ts';
import type { MonitorWindow } from '../../policy/monitor/index.ts';

/** A time window [from, to): number `seq` counts windows of its length from the Unix epoch (so every replica agrees). */
export interface TimeBounds {
  readonly seq: number;
  readonly from: string;
  readonly to: string;
}

export function timeBounds(window: Extract<MonitorWindow, { kind: 'time' }>, seq: number): TimeBounds {
  return { seq, from: new Date(seq * window.ms).toISOString(), to: new Date((seq + 1) * window.ms).toISOString() };
}

/** The window holding instant `at`. */
export function timeSeqAt(window: Extract<MonitorWindow, { kind: 'time' }>, at: Date | string): number {
  return Math.floor((typeof at === 'string' ? Date.parse(at) : at.getTime()) / window.ms);
}

/** The latest time window that has closed by `now` (its end ≤ now). */
export function latestClosedSeq(window: Extract<MonitorWindow, { kind: 'time' }>, now: Date): number {
  return timeSeqAt(window, now) - 1;
}

/** How a window is named: its RFC 3339 start (time) or `#k` (count). */
export function windowName(window: MonitorWindow, seq: number): string {
  return window.kind === 'time' ? timeBounds(window, seq).from : `#${seq}`;
}

/**
 * `--window <start>`: an RFC 3339 instant that starts a time window (any instant inside one is refused, so a typo
 * cannot silently judge a neighbour), or `#k` / `k` for the k-th count window (0-based).
 */
export function parseWindowArg(window: MonitorWindow, text: string): number {
  if (window.kind === 'count') {
    const match = /^#?(\d+)$/.exec(text);
    if (match === null) fail('USAGE_INVALID_ARGUMENT', `--window ${text} is not a count window number`, { location: { path: '--window' }, expected: 'a window number such as #3 (0-based)' });
    return Number(match[1]);
  }
  const at = Date.parse(text);
  if (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(at)) fail('USAGE_INVALID_ARGUMENT', `--window ${text} is not an RFC 3339 time`, { location: { path: '--window' }, expected: 'the start of a window, e.g. 2026-11-20T09:00:00Z' });
  if (at % window.ms !== 0) {
    const seq = Math.floor(at / window.ms);
    fail('USAGE_INVALID_ARGUMENT', `--window ${text} is not the start of a ${window.text} window`, { location: { path: '--window' }, expected: `a window start such as ${timeBounds(window, seq).from}` });
  }
  return at / window.ms;
}
