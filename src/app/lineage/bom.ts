import { canonicalJson, type Digest, type VerdictEvent } from '../../core/index.ts';
import type { RecordedEvent } from '../ledger/types.ts';
import { toolVersion } from '../version.ts';
import { contentUuid } from './bom-uuid.ts';
import { lineageOf, type Lineage, type LineageDataset } from './lineage.ts';

/** A CycloneDX 1.6 BOM as plain JSON (built by hand; tests validate it against the official 1.6 JSON schema). */
export type CycloneDxBom = Record<string, unknown>;

/**
 * `steward bom`: a CycloneDX 1.6 ML-BOM of one model version, from the log alone.
 * - The model is the `machine-learning-model` component (also metadata.component) with its artifact's SHA-256, a
 *   modelCard whose `modelParameters.datasets` reference the training datasets and whose
 *   `quantitativeAnalysis.performanceMetrics` are the numeric findings (metric, value, group as slice) of the latest
 *   verdict recorded for this version; the training commit is in `pedigree.commits`.
 * - Each training dataset is a `data` component with its SHA-256 (a directory's is its Merkle root, see
 *   docs/lineage.md) and the model `dependsOn` them.
 * - Deterministic: metadata.timestamp is the latest `recordedAt` among the events the BOM rests on (not the clock),
 *   and serialNumber is a UUID derived from the canonical JSON of everything else, so the same log state gives the
 *   same bytes.
 */
export function buildBom(events: readonly RecordedEvent[], model: string, version: string): CycloneDxBom {
  const lineage = lineageOf(events, model, version);
  const modelRef = `model:${model}@${version}`;
  const datasets = uniqueDatasets(lineage.datasets);
  const latestVerdict = lineage.verdicts.at(-1)?.event;
  const modelComponent = {
    type: 'machine-learning-model',
    'bom-ref': modelRef,
    name: model,
    version,
    hashes: [hashOf(lineage.record.event.artifact.digest)],
    ...(lineage.code?.commit === undefined ? {} : { pedigree: { commits: [{ uid: lineage.code.commit }] } }),
    modelCard: {
      'bom-ref': `model-card:${model}@${version}`,
      ...(datasets.length === 0 ? {} : { modelParameters: { datasets: datasets.map((dataset) => ({ ref: dataRef(dataset) })) } }),
      ...(latestVerdict === undefined ? {} : { quantitativeAnalysis: { performanceMetrics: performanceMetrics(latestVerdict) } }),
    },
    properties: properties(lineage, latestVerdict),
  };
  const body = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      timestamp: latestTime(lineage),
      tools: { components: [{ type: 'application', name: 'steward', version: toolVersion }] },
      component: modelComponent,
    },
    components: datasets.map(dataComponent),
    dependencies: [{ ref: modelRef, dependsOn: datasets.map(dataRef) }, ...datasets.map((dataset) => ({ ref: dataRef(dataset) }))],
  };
  const { bomFormat, specVersion, ...rest } = body;
  return { bomFormat, specVersion, serialNumber: `urn:uuid:${contentUuid(canonicalJson(body))}`, ...rest };
}

function hashOf(digest: Digest): { alg: 'SHA-256'; content: string } {
  return { alg: 'SHA-256', content: digest.slice('sha256:'.length) };
}

function dataRef(dataset: LineageDataset): string {
  return `dataset:${dataset.name}@${dataset.digest}`;
}

function uniqueDatasets(datasets: readonly LineageDataset[]): LineageDataset[] {
  const seen = new Set<string>();
  return datasets.filter((dataset) => !seen.has(dataRef(dataset)) && seen.add(dataRef(dataset)) !== undefined);
}

function dataComponent(dataset: LineageDataset): Record<string, unknown> {
  const record = dataset.record?.event;
  const props = [
    ...(record === undefined ? [{ name: 'steward:recorded', value: 'false' }] : []),
    ...(record?.source === undefined ? [] : [{ name: 'steward:source', value: record.source }]),
    ...(record?.rows === undefined ? [] : [{ name: 'steward:rows', value: String(record.rows) }]),
    ...(record?.bytes === undefined ? [] : [{ name: 'steward:bytes', value: String(record.bytes) }]),
    ...(record?.files === undefined ? [] : [{ name: 'steward:files', value: String(record.files) }]),
    ...(record?.columns ?? []).map((column) => ({ name: `steward:column:${column.name}`, value: column.type })),
  ];
  return {
    type: 'data',
    'bom-ref': dataRef(dataset),
    name: dataset.name,
    version: dataset.digest,
    hashes: [hashOf(dataset.digest)],
    data: [{ type: 'dataset', name: dataset.name }],
    ...(props.length === 0 ? {} : { properties: props }),
  };
}

/**
 * Numeric findings of a verdict as CycloneDX performance metrics, one entry per (metric, slice, value). The slice
 * is the finding's group (`race=black`); a group-less metric that several rules report (a disparity per grouping)
 * is told apart by `rule:<rule id>` as its slice.
 */
function performanceMetrics(verdict: VerdictEvent): { type: string; value: string; slice?: string }[] {
  const groupless = new Map<string, number>();
  for (const finding of verdict.findings) {
    if (finding.metric !== undefined && finding.group === undefined) groupless.set(finding.metric, (groupless.get(finding.metric) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const metrics: { type: string; value: string; slice?: string }[] = [];
  for (const finding of verdict.findings) {
    if (finding.metric === undefined || typeof finding.value !== 'number') continue;
    const slice = finding.group ?? ((groupless.get(finding.metric) ?? 0) > 1 ? `rule:${finding.ruleId}` : undefined);
    const metric = { type: finding.metric, value: String(finding.value), ...(slice === undefined ? {} : { slice }) };
    const key = canonicalJson(metric);
    if (seen.has(key)) continue;
    seen.add(key);
    metrics.push(metric);
  }
  return metrics;
}

function properties(lineage: Lineage, verdict: VerdictEvent | undefined): { name: string; value: string }[] {
  const props = [{ name: 'steward:artifact.bytes', value: String(lineage.record.event.artifact.bytes) }];
  if (lineage.runId !== undefined) props.push({ name: 'steward:run', value: lineage.runId });
  if (lineage.code?.repository !== undefined) props.push({ name: 'steward:code.repository', value: lineage.code.repository });
  if (verdict !== undefined) {
    props.push({ name: 'steward:verdict.outcome', value: verdict.outcome });
    props.push({ name: 'steward:verdict.digest', value: verdict.verdictDigest });
    props.push({ name: 'steward:verdict.policy', value: `${verdict.policy.name}@${verdict.policy.digest}` });
  }
  for (const deployment of lineage.deployments) props.push({ name: 'steward:deployment', value: `${deployment.event.environment}@${deployment.event.recordedAt}` });
  return props;
}

/** The latest `recordedAt` among the events the BOM rests on. */
function latestTime(lineage: Lineage): string {
  const times = [
    lineage.record.event.recordedAt,
    ...(lineage.run === undefined ? [] : [lineage.run.event.recordedAt]),
    ...lineage.datasets.flatMap((dataset) => (dataset.record === undefined ? [] : [dataset.record.event.recordedAt])),
    ...lineage.verdicts.map((verdict) => verdict.event.recordedAt),
    ...lineage.deployments.map((deployment) => deployment.event.recordedAt),
  ];
  return new Date(Math.max(...times.map((time) => Date.parse(time)))).toISOString();
}
