import type { ApprovalEvent, DeploymentEvent, VerdictEvent, VersionEvent } from '../../core/index.ts';
import type { Ledger, RecordedEvent } from '../ledger/types.ts';
import { versionKey, type Recorded } from '../lineage/catalog.ts';

/** A deployment and the half-open time span [from, until) during which its version was the one in force there. */
export interface Tenure {
  readonly deployment: Recorded<DeploymentEvent>;
  readonly from: number;
  readonly until: number;
}

export type VersionStanding = 'deployed' | 'unknown-version' | 'not-deployed';

/**
 * The registry facts ingest checks decisions against — versions, deployments, verdicts, approvals — kept in memory and brought
 * up to date from the log's tail, so a request does not replay the log. The caller refreshes when a lookup fails (a
 * deployment recorded a moment ago, perhaps by another replica, is then seen); concurrent refreshes share one read.
 *
 * A version is in force in an environment from its deployment's `recordedAt` until the next deployment of the same
 * model to that environment (replay order: time, then log index — the rule `steward state --at` uses).
 */
export class DeploymentCatalog {
  readonly #ledger: Ledger;
  #seen = 0;
  #refreshing: Promise<void> | undefined;
  readonly #versions = new Map<string, Recorded<VersionEvent>>();
  readonly #deployments: Recorded<DeploymentEvent>[] = [];
  readonly #verdicts: Recorded<VerdictEvent>[] = [];
  readonly #approvals: Recorded<ApprovalEvent>[] = [];
  /** By `model@version`: its tenures in every environment. */
  #tenures = new Map<string, Tenure[]>();

  constructor(ledger: Ledger) {
    this.#ledger = ledger;
  }

  /** Whether `model@version` was recorded and in force somewhere at `time` (ms), as far as the catalog has read. */
  standing(model: string, version: string, time: number): VersionStanding {
    if (!this.#versions.has(versionKey(model, version))) return 'unknown-version';
    return this.inForce(model, version, time).length > 0 ? 'deployed' : 'not-deployed';
  }

  /** Reads the events appended since the last refresh. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#readTail().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  version(model: string, version: string): Recorded<VersionEvent> | undefined {
    return this.#versions.get(versionKey(model, version));
  }

  /** The tenures of `model@version` that cover `time`: the deployments in force at that instant. */
  inForce(model: string, version: string, time: number): Tenure[] {
    return (this.#tenures.get(versionKey(model, version)) ?? []).filter((tenure) => tenure.from <= time && time < tenure.until);
  }

  verdicts(model: string, version: string): Recorded<VerdictEvent>[] {
    return this.#verdicts.filter(({ event }) => event.model === model && event.version === version);
  }

  /** Approvals and rejections of `model@version`, in log order. */
  approvals(model: string, version: string): Recorded<ApprovalEvent>[] {
    return this.#approvals.filter(({ event }) => event.model === model && event.version === version);
  }

  async #readTail(): Promise<void> {
    const size = await this.#ledger.size();
    if (size <= this.#seen) return;
    let deployed = false;
    for await (const recorded of this.#ledger.events(this.#seen, size)) deployed = this.#take(recorded) || deployed;
    this.#seen = size;
    if (deployed) this.#tenures = tenuresOf(this.#deployments);
  }

  /** Files one event; true when it was a deployment (tenures must be recomputed). */
  #take(recorded: RecordedEvent): boolean {
    const { event } = recorded;
    if (event.type === 'version') {
      const key = versionKey(event.model, event.version);
      if (!this.#versions.has(key)) this.#versions.set(key, { ...recorded, event });
    } else if (event.type === 'verdict') {
      this.#verdicts.push({ ...recorded, event });
    } else if (event.type === 'approval') {
      this.#approvals.push({ ...recorded, event });
    } else if (event.type === 'deployment') {
      this.#deployments.push({ ...recorded, event });
      return true;
    }
    return false;
  }
}

/** Every deployment's tenure: per (environment, model), in replay order, each lasts until the next one there. */
export function tenuresOf(deployments: readonly Recorded<DeploymentEvent>[]): Map<string, Tenure[]> {
  const byPlace = new Map<string, Recorded<DeploymentEvent>[]>();
  for (const deployment of deployments) {
    const place = JSON.stringify([deployment.event.environment, deployment.event.model]);
    const list = byPlace.get(place) ?? [];
    list.push(deployment);
    byPlace.set(place, list);
  }
  const tenures = new Map<string, Tenure[]>();
  for (const list of byPlace.values()) {
    const ordered = [...list].sort((a, b) => Date.parse(a.event.recordedAt) - Date.parse(b.event.recordedAt) || a.index - b.index);
    ordered.forEach((deployment, k) => {
      const next = ordered[k + 1];
      const tenure = { deployment, from: Date.parse(deployment.event.recordedAt), until: next === undefined ? Infinity : Date.parse(next.event.recordedAt) };
      const key = versionKey(deployment.event.model, deployment.event.version);
      tenures.set(key, [...(tenures.get(key) ?? []), tenure]);
    });
  }
  return tenures;
}
