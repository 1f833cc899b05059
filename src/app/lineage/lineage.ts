import type { ApprovalEvent, DatasetEvent, DeploymentEvent, Digest, RunEvent, VerdictEvent, VersionEvent } from '../../core/index.ts';
import type { RecordedEvent } from '../ledger/types.ts';
import { requireVersion } from '../records/record-deployment.ts';
import { buildCatalog, versionKey, type Recorded } from './catalog.ts';

/** One input dataset of a run: as the run pinned it, with its record when the log has it. */
export interface LineageDataset {
  readonly name: string;
  readonly digest: Digest;
  readonly record?: Recorded<DatasetEvent>;
  /** Data checks recorded on exactly this content (`steward check --record` with a dataset policy). */
  readonly checks: readonly Recorded<VerdictEvent>[];
}

/** Everything recorded upstream (what the version was built from) and downstream (what happened to it). */
export interface Lineage {
  readonly model: string;
  readonly version: string;
  readonly record: Recorded<VersionEvent>;
  /** The run named by the version; `runId` without `run` means the run was named but is not in the log. */
  readonly runId?: string;
  readonly run?: Recorded<RunEvent>;
  readonly datasets: readonly LineageDataset[];
  readonly code?: { readonly repository?: string; readonly commit?: string };
  readonly verdicts: readonly Recorded<VerdictEvent>[];
  readonly deployments: readonly Recorded<DeploymentEvent>[];
  /** Approvals and rejections of the version's promotion, in log order. */
  readonly approvals: readonly Recorded<ApprovalEvent>[];
}

/**
 * The lineage of one model version, as a pure function of the log. A version never recorded is
 * RECORD_UNKNOWN_VERSION. Datasets resolve by name and digest, so a dataset name recorded again later (new content)
 * does not rewrite an older version's lineage.
 */
export function lineageOf(events: readonly RecordedEvent[], model: string, version: string): Lineage {
  const catalog = buildCatalog(events);
  requireVersion(catalog, model, version);
  const record = catalog.versions.get(versionKey(model, version)) as Recorded<VersionEvent>;
  const runId = record.event.run;
  const run = runId === undefined ? undefined : catalog.runs.get(runId);
  const datasets = (run?.event.datasets ?? []).map(({ name, digest }): LineageDataset => {
    const found = catalog.datasets.get(name)?.find((candidate) => candidate.event.digest === digest);
    // Matched by digest, not name: a check of other content under the same name says nothing about this input.
    const checks = catalog.verdicts.filter((verdict) =>
      verdict.event.inputs.some((input) => input.role === 'dataset' && input.digest === digest),
    );
    return found === undefined ? { name, digest, checks } : { name, digest, record: found, checks };
  });
  const about = (event: { model?: string; version?: string }): boolean => event.model === model && event.version === version;
  return {
    model,
    version,
    record,
    ...(runId === undefined ? {} : { runId }),
    ...(run === undefined ? {} : { run }),
    datasets,
    ...(run?.event.code === undefined ? {} : { code: run.event.code }),
    verdicts: catalog.verdicts.filter((verdict) => about(verdict.event)),
    deployments: catalog.deployments.filter((deployment) => about(deployment.event)),
    approvals: catalog.approvals.filter((approval) => about(approval.event)),
  };
}
