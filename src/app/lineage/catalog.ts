import type { ApprovalEvent, DatasetEvent, DeploymentEvent, LedgerEvent, RunEvent, VerdictEvent, VersionEvent } from '../../core/index.ts';
import type { RecordedEvent } from '../ledger/types.ts';

/** A recorded event narrowed to one type. */
export interface Recorded<E extends LedgerEvent> extends RecordedEvent {
  readonly event: E;
}

/**
 * The registry view of a log: every record grouped by what it is about, in log order. A pure projection — built
 * from events alone, so it can always be rebuilt — that the record use cases check references against and the
 * lineage, state and BOM views read.
 */
export interface Catalog {
  /** By dataset name: every recorded content of that name, oldest first. */
  readonly datasets: ReadonlyMap<string, readonly Recorded<DatasetEvent>[]>;
  readonly runs: ReadonlyMap<string, Recorded<RunEvent>>;
  /** By `model@version`. */
  readonly versions: ReadonlyMap<string, Recorded<VersionEvent>>;
  readonly verdicts: readonly Recorded<VerdictEvent>[];
  readonly deployments: readonly Recorded<DeploymentEvent>[];
  readonly approvals: readonly Recorded<ApprovalEvent>[];
}

export function versionKey(model: string, version: string): string {
  return `${model}@${version}`;
}

export function buildCatalog(events: Iterable<RecordedEvent>): Catalog {
  const datasets = new Map<string, Recorded<DatasetEvent>[]>();
  const runs = new Map<string, Recorded<RunEvent>>();
  const versions = new Map<string, Recorded<VersionEvent>>();
  const verdicts: Recorded<VerdictEvent>[] = [];
  const deployments: Recorded<DeploymentEvent>[] = [];
  const approvals: Recorded<ApprovalEvent>[] = [];
  for (const recorded of events) {
    const { event } = recorded;
    switch (event.type) {
      case 'dataset': {
        const list = datasets.get(event.name) ?? [];
        list.push({ ...recorded, event });
        datasets.set(event.name, list);
        break;
      }
      case 'run':
        // The record use cases refuse a second run with one id; in a log written otherwise, the first one counts.
        if (!runs.has(event.id)) runs.set(event.id, { ...recorded, event });
        break;
      case 'version': {
        const key = versionKey(event.model, event.version);
        if (!versions.has(key)) versions.set(key, { ...recorded, event });
        break;
      }
      case 'verdict':
        verdicts.push({ ...recorded, event });
        break;
      case 'deployment':
        deployments.push({ ...recorded, event });
        break;
      case 'approval':
        approvals.push({ ...recorded, event });
        break;
      default:
        break;
    }
  }
  return { datasets, runs, versions, verdicts, deployments, approvals };
}
