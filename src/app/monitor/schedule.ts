import type { Ledger } from '../ledger/types.ts';
import { redeliverDue } from './redeliver.ts';
import { takeWindowTurn, type Watch, type WindowOutcome, type WindowTurn } from './schedule-window.ts';
import { latestClosedSeq, timeBounds, timeSeqAt } from './window-bounds.ts';
import { selectorOf } from './window-profile.ts';

export type { Watch } from './schedule-window.ts';

export interface ScheduleOptions {
  /** This replica's id, recorded with its claims. */
  readonly owner: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Default true: alerts are sent (and failed deliveries re-sent), not only recorded. */
  readonly notify?: boolean;
  /** Time between ticks; default a quarter of the shortest time window, between 250 ms and 30 s (5 s for count windows). */
  readonly tickMs?: number;
  /** A claim not finished after this long is taken over; default 10 minutes. */
  readonly claimTimeoutMs?: number;
  /** Most windows one monitor judges per tick (a restart after a long stop catches up over several ticks); default 24. */
  readonly maxWindowsPerTick?: number;
  readonly now?: () => Date;
  /** What happened, for the server's log. */
  readonly log?: (message: string, fields: Record<string, unknown>) => void;
}

/** Recent windows looked at again each tick: provisional ones (late labels) and claims of replicas that died. */
const RECENT_WINDOWS = 50;

/**
 * The monitors of `steward serve`: on every tick each monitor judges the windows that closed since the last one it
 * recorded (skipping empty stretches), re-judges recent provisional windows whose labels came in, takes over claims
 * left by a replica that died, and re-sends due deliveries. Safe with several replicas on one PostgreSQL store:
 * each window is judged by the one replica whose claim wins (see MonitorStore.claimWindow), and each redelivery is
 * leased. State lives in the store, so a restart simply continues.
 */
export class MonitorSchedule {
  readonly #ledger: Ledger;
  readonly #watches: readonly Watch[];
  readonly #options: ScheduleOptions;
  readonly #now: () => Date;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;
  #seed = 0;

  constructor(ledger: Ledger, watches: readonly Watch[], options: ScheduleOptions) {
    this.#ledger = ledger;
    this.#watches = watches;
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  get tickMs(): number {
    if (this.#options.tickMs !== undefined) return this.#options.tickMs;
    const times = this.#watches.flatMap(({ monitor }) => (monitor.window?.kind === 'time' ? [monitor.window.ms] : []));
    const shortest = times.length === 0 ? 20_000 : Math.min(...times);
    return Math.min(30_000, Math.max(250, Math.floor(shortest / 4)));
  }

  /** Starts ticking (the first tick right away). */
  start(): void {
    const loop = (): void => {
      if (this.#stopped) return;
      this.#running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.#options.log?.('monitor tick failed', { error: String((error as Error).stack ?? error) }))
        .finally(() => {
          if (!this.#stopped) this.#timer = setTimeout(loop, this.tickMs);
        });
    };
    loop();
  }

  /** Stops ticking and waits for a tick in progress to finish (its claims are then recorded, never left half-done). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    await this.#running;
  }

  /** One tick over every monitor; the windows this replica judged. */
  async tick(): Promise<WindowOutcome[]> {
    const now = this.#now();
    const turn: WindowTurn = {
      owner: this.#options.owner,
      now,
      staleBefore: new Date(now.getTime() - (this.#options.claimTimeoutMs ?? 600_000)),
      env: this.#options.env,
      notify: this.#options.notify ?? true,
      seed: this.#seed++,
    };
    const outcomes: WindowOutcome[] = [];
    for (const watch of this.#watches) {
      const { recent, fresh } = await this.#candidates(watch, now);
      for (const [k, seq] of [...recent, ...fresh].entries()) {
        const outcome = await takeWindowTurn(this.#ledger, watch, seq, turn);
        // One judgement per monitor at a time across replicas, so each window's alerts are decided on the ledger as
        // the judgement before it left it (two windows judged at once could both open an alert for one rule): while
        // another replica judges a window of this monitor, this one waits for a later tick.
        if (outcome === 'busy') break;
        // count windows fill in order: after one that is not full, none is
        if (outcome === undefined && k >= recent.length && watch.monitor.window?.kind === 'count') break;
        if (outcome === undefined) continue;
        outcomes.push(outcome);
        this.#options.log?.('monitor window judged', {
          monitor: watch.monitor.name,
          window: outcome.run.window,
          outcome: outcome.run.verdict.outcome,
          rows: outcome.run.profile.rows,
          provisional: outcome.run.profile.labels?.provisional ?? false,
          relabelled: outcome.relabelled,
          alerts: outcome.alerts.events.map((event) => `${event.action}:${event.rule}`),
        });
      }
    }
    const redelivered = await redeliverDue(this.#ledger, this.#watches.map((watch) => watch.monitor), { now, env: this.#options.env, seed: turn.seed });
    for (const event of redelivered) this.#options.log?.('alert redelivery', { monitor: event.monitor, rule: event.rule, alert: event.alert, round: event.round, outcome: event.outcome });
    return outcomes;
  }

  /** Recent recorded windows (provisional, or stale claims), then the windows after the last recorded one that have closed. */
  async #candidates(watch: Watch, now: Date): Promise<{ recent: number[]; fresh: number[] }> {
    const { monitor } = watch;
    const window = monitor.window;
    if (window === undefined) return { recent: [], fresh: [] };
    const max = this.#options.maxWindowsPerTick ?? 24;
    const records = await this.#ledger.store.monitors.windows(monitor.name, RECENT_WINDOWS);
    const recent = records.filter((record) => record.state === 'claimed' || record.provisional).map((record) => record.seq).reverse();
    const highest = records[0]?.seq;
    const fresh: number[] = [];
    if (window.kind === 'count') {
      for (let k = 0; k < max; k++) fresh.push((highest ?? -1) + 1 + k);
      return { recent, fresh };
    }
    const last = latestClosedSeq(window, now);
    const selector = selectorOf(monitor);
    let seq = highest === undefined ? Number.NEGATIVE_INFINITY : highest + 1;
    for (let taken = 0; taken < max; taken++) {
      const first = await this.#ledger.store.monitors.firstDecisionAt(selector, Number.isFinite(seq) ? timeBounds(window, seq).from : new Date(0).toISOString());
      if (first === undefined) break;
      seq = timeSeqAt(window, first);
      if (seq > last) break;
      fresh.push(seq);
      seq++;
    }
    return { recent, fresh };
  }
}
