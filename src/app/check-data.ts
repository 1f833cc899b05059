import { defined, fail, type ColumnHealth, type Digest, type DatasetSection, type InputRef, type Verdict } from '../core/index.ts';
import { evaluatePolicy, loadWaivers, outcomeOf, summarize, type Policy } from '../policy/index.ts';
import { builtInDetectors, columnFacts, dataMetrics, DataProfile, patternDetector, type PiiDetector } from '../stats/data/index.ts';
import { openTable, type ReadProgress, type TableSource } from '../readers/index.ts';
import type { CheckRequest } from './check-request.ts';
import { columnRequests, planDataColumns, withTypeHint } from './data-columns.ts';
import { DriftProfiles, profilePrevious } from './previous-version.ts';
import { overrideDataset } from './data-overrides.ts';
import { digestFile } from './file-digest.ts';
import { sealVerdict } from './seal-verdict.ts';

/**
 * The shift-left gate: a dataset policy (`data.task: dataset`) over training data, no predictions. One streaming pass
 * feeds a DataProfile (memory bounded by columns, bins and groups, plus the exact duplicate sets), the file's digest
 * is computed alongside, then facts and group metrics → findings → a verdict of the same shape as a model check's,
 * with the dataset section filled in.
 */
export async function runDataCheck(request: CheckRequest, policyAsWritten: Policy, model: { name: string; version?: string } | undefined): Promise<Verdict> {
  if (policyAsWritten.dataset === undefined) fail('INTERNAL_INVARIANT', `policy ${policyAsWritten.name} is not a dataset policy`);
  if (request.baselineFile !== undefined || request.modelCardFile !== undefined) {
    fail('USAGE_INVALID_ARGUMENT', `policy ${policyAsWritten.name} checks a dataset (data.task: dataset); --baseline and --model-card apply to model checks`, { expected: '--policy, --data and optionally --waivers' });
  }
  const { policy, dataset } = overrideDataset(policyAsWritten, policyAsWritten.dataset, request.columns ?? {});
  const settings = request.seed === undefined ? policy.settings : { ...policy.settings, seed: request.seed };
  const source: TableSource = { path: request.dataFile, ...defined({ format: request.dataFormat, delimiter: request.delimiter }) };
  const digest = digestFile(request.dataFile);
  digest.catch(() => undefined);
  const { columns, absent } = await planDataColumns(source, dataset);
  const profile = new DataProfile({
    columns,
    sensitive: dataset.sensitive,
    detectors: detectorsOf(policy),
    ...defined({ label: dataset.label, positiveLabel: dataset.positiveLabel, id: dataset.id }),
  });
  const comparesVersions = policy.rules.some((rule) => rule.kind === 'previous_version');
  const driftProfiles = comparesVersions ? new DriftProfiles(columns) : undefined;
  let progress: ReadProgress | undefined;
  const reader = await openTable(source, columnRequests(columns), {
    onProgress: (p) => {
      progress = p;
      request.onProgress?.(request.dataFile, p.bytesRead, p.totalBytes);
    },
  });
  // Parquet states its row count: size the duplicate sets once, before the first row (no growth, no second table).
  if (reader.totalRows !== undefined) profile.reserve(reader.totalRows);
  try {
    let sized = reader.totalRows !== undefined;
    for await (const batch of reader.batches()) {
      if (!sized && progress !== undefined && progress.bytesRead >= Math.min(progress.totalBytes, 1 << 20)) {
        // Text formats: size the duplicate sets once from the rows per byte read so far.
        profile.reserve(Math.ceil((progress.rowsRead * progress.totalBytes) / progress.bytesRead));
        sized = true;
      }
      profile.add(batch);
      driftProfiles?.add(batch);
    }
  } catch (error) {
    throw withTypeHint(error);
  }
  const datasetDigest = await digest;
  const previous =
    driftProfiles === undefined || dataset.name === undefined
      ? undefined
      : request.datasetVersions === undefined
        ? { unavailable: 'no ledger was opened to find it' }
        : await profilePrevious(await request.datasetVersions(dataset.name), dataset.name, { digest: datasetDigest, columns, profiles: driftProfiles, source }).catch((error: unknown) => {
            throw withTypeHint(error);
          });
  const facts = columnFacts(profile);
  const { metrics, missing } = dataMetrics(profile, { confidence: settings.confidence, minGroupSize: settings.minGroupSize, intersections: settings.intersections });
  const waivers = request.waiversFile === undefined ? [] : await loadWaivers(request.waiversFile);
  const findings = evaluatePolicy(
    { ...policy, settings, ...(model === undefined ? {} : { model: model.name }) },
    { metrics, waivers, now: request.now, dataset: { rows: profile.rows, columns: facts, duplicateRows: profile.duplicateRows, missing, absent, ...(previous === undefined ? {} : { previous }) } },
  );
  const inputs: InputRef[] = [
    { role: 'policy', file: request.policyFile, digest: policy.digest },
    { role: 'dataset', file: request.dataFile, digest: datasetDigest, rows: profile.rows },
  ];
  if (previous !== undefined && !('unavailable' in previous)) inputs.push({ role: 'dataset_previous', file: previous.source, digest: previous.digest as Digest, rows: previous.rows });
  if (request.waiversFile !== undefined) inputs.push({ role: 'waivers', file: request.waiversFile, digest: await digestFile(request.waiversFile) });
  const health: ColumnHealth[] = facts.map((c) => ({ column: c.name, role: c.role, missing: c.missing, rows: c.rows }));
  const section: DatasetSection = {
    rows: profile.rows,
    duplicateRows: profile.duplicateRows,
    columns: facts.map((c) => ({ column: c.name, role: c.role, kind: c.kind, ...(c.type === undefined ? {} : { type: c.type }), rows: c.rows, missing: c.missing, distinct: c.distinct, min: c.min, max: c.max })),
  };
  return sealVerdict(
    {
      policy: { name: policy.name, file: request.policyFile, digest: policy.digest },
      ...(model === undefined ? {} : { model }),
      inputs,
      seed: settings.seed,
      settings: { confidence: settings.confidence, minGroupSize: settings.minGroupSize, failOn: settings.failOn, bootstrapSamples: settings.bootstrapSamples },
      columns: { task: 'dataset', sensitive: dataset.sensitive, ...defined({ label: dataset.label, id: dataset.id, positive_label: dataset.positiveLabel }) },
      health,
      metrics,
      dataset: section,
    },
    findings,
    (list) => outcomeOf(list, settings),
    summarize,
  );
}

/** The detectors the personal_data rules use (built-in by name, then policy patterns); none without such a rule. */
function detectorsOf(policy: Policy): PiiDetector[] {
  const byName = new Map<string, PiiDetector>();
  for (const rule of policy.rules) {
    if (rule.kind !== 'personal_data') continue;
    for (const name of rule.detectors) {
      const detector = builtInDetectors.find((d) => d.name === name);
      if (detector !== undefined) byName.set(name, detector);
    }
    for (const [name, pattern] of Object.entries(rule.patterns)) byName.set(name, patternDetector(name, pattern));
  }
  if (byName.size > 31) fail('POLICY_INVALID_FIELD', `the personal_data rules use ${byName.size} detectors; at most 31 can run in one check`, { location: { file: policy.file }, expected: 'at most 31 detectors and patterns' });
  return [...byName.values()];
}
