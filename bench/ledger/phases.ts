import type { Ledger } from '../../src/app/index.ts';
import { benchEvents } from './events.ts';

/** Events generated per segment (outside the clock) before their appends are timed. */
const SEGMENT = 100_000;
/** Events per append call, and calls in flight at once (group commit coalesces them into one transaction). */
const CALL = 1_000;
const IN_FLIGHT = 8;

export interface AppendRun {
  readonly appended: number;
  readonly seconds: number;
  readonly rate: number;
  /** CPU seconds of this process (all threads) spent in the timed appends: unlike the rate, barely moved by other load. */
  readonly cpuSeconds: number;
  /** Set when the phase stopped early because the projected time exceeded the budget. */
  readonly stoppedEarly?: string;
}

/**
 * Appends events [from, to) through Ledger.append (validation, canonical JSON, group commit, durable commit), timing
 * only the appends. After each segment it projects the phase's total time from the rate so far and stops early when
 * that exceeds `budgetSeconds`, so a 10M run finishes on a slow store instead of running for hours.
 */
export async function timedAppend(ledger: Ledger, from: number, to: number, budgetSeconds: number): Promise<AppendRun> {
  let timed = 0;
  let cpu = 0;
  let at = from;
  while (at < to) {
    const end = Math.min(at + SEGMENT, to);
    const events = benchEvents(at, end);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const pending: Promise<unknown>[] = [];
    for (let k = 0; k < events.length; k += CALL) {
      pending.push(ledger.append(events.slice(k, k + CALL)));
      if (pending.length >= IN_FLIGHT) await pending.shift();
    }
    await Promise.all(pending);
    timed += performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    cpu += (used.user + used.system) / 1e6;
    at = end;
    const projected = ((timed / 1000) * (to - from)) / (at - from);
    if (at < to && projected > budgetSeconds) {
      const stoppedEarly = `stopped at ${at.toLocaleString('en-US')} of ${to.toLocaleString('en-US')} events: the whole run was projected at ${(projected / 60).toFixed(1)} min, over the ${(budgetSeconds / 60).toFixed(0)} min budget`;
      return { appended: at - from, seconds: timed / 1000, rate: (at - from) / (timed / 1000), cpuSeconds: cpu, stoppedEarly };
    }
  }
  return { appended: to - from, seconds: timed / 1000, rate: (to - from) / (timed / 1000), cpuSeconds: cpu };
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
}

/** Inclusion proofs (with their signed checkpoint) of `samples` indices drawn by a seeded generator; milliseconds. */
export async function proofLatency(ledger: Ledger, size: number, samples: number, seed: number): Promise<Latency> {
  let x = seed >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  for (let k = 0; k < 20; k++) await ledger.inclusionProof(next() % size); // warm caches and the checkpoint
  const times: number[] = [];
  for (let k = 0; k < samples; k++) {
    const index = (next() * 2 ** 21 + (next() % 2 ** 21)) % size;
    const start = performance.now();
    await ledger.inclusionProof(index);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
  return { p50: at(0.5), p99: at(0.99), samples };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
}
