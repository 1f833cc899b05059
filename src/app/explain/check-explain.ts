import { dirname, isAbsolute, join } from 'node:path';
import { digestOf, fail, type ExplainAssociation, type ExplainFlips, type ExplainSection, type ExplainSlice, type InputRef } from '../../core/index.ts';
import type { ExplainPolicy, Policy, ProxyThresholdSettings } from '../../policy/index.ts';
import type { TableFormat } from '../../readers/index.ts';
import { compareImportance, computeAttributionMetrics, detectProxies, type AttributionMetrics, type AttributionSlice, type ProxyReport } from '../../stats/explain/index.ts';
import { digestFile } from '../file-digest.ts';
import type { AttributionInput, ExplainPass } from './evaluation-pass.ts';
import { flipTests } from './check-flips.ts';
import { importanceOf, readGlobalImportance } from './importance-file.ts';

/** Explainability inputs given on the command line (or in an API request); they win over the policy's `explain:`. */
export interface ExplainOverrides {
  readonly attributionsFile?: string;
  readonly importanceBaselineFile?: string;
  readonly endpoint?: string;
  readonly endpointProtocol?: 'plain' | 'kserve-v2';
}

export interface ExplainRun {
  readonly policy: Policy;
  readonly explain: ExplainPolicy;
  readonly overrides: ExplainOverrides;
  readonly evaluation: { readonly file: string; readonly format?: TableFormat; readonly delimiter?: string };
  readonly pass: ExplainPass;
  readonly seed: number;
  readonly confidence: number;
  readonly minGroupSize: number;
}

/** Whether the policy asks for the flip test: only then is the endpoint called (and rows sampled for it). */
export function wantsFlipTest(policy: Policy): boolean {
  return policy.rules.some((rule) => rule.kind === 'metric' && rule.metric === 'explain.flip_rate');
}

/** The endpoint URL in effect: --endpoint, else the policy's. */
export function endpointUrl(explain: ExplainPolicy, overrides: ExplainOverrides): string | undefined {
  return overrides.endpoint ?? explain.endpoint.url;
}

/**
 * The attributions and importance baseline files in effect: the overrides, else the files the policy names, relative
 * to the policy's path as given (so the verdict records the same name wherever the checkout is). A remote check
 * uploads exactly these, under these names.
 */
export function explainFiles(policy: Policy, overrides: ExplainOverrides): { attributionsFile?: string; importanceBaselineFile?: string } {
  const explain = policy.explain;
  const fromPolicy = (file: string): string => (isAbsolute(file) ? file : join(dirname(policy.file), file));
  const attributionsFile = overrides.attributionsFile ?? (explain?.attributions === undefined ? undefined : fromPolicy(explain.attributions.file));
  const importanceBaselineFile = overrides.importanceBaselineFile ?? (explain?.importanceBaseline === undefined ? undefined : fromPolicy(explain.importanceBaseline.file));
  return { ...(attributionsFile === undefined ? {} : { attributionsFile }), ...(importanceBaselineFile === undefined ? {} : { importanceBaselineFile }) };
}

/**
 * The attributions file in effect and its alignment settings, for the evaluation pass to read in lockstep (undefined
 * without one). `policy` carries the check's data mapping (flag overrides applied).
 */
export function attributionInput(policy: Policy, overrides: ExplainOverrides, evaluationPath: string): AttributionInput | undefined {
  const explain = policy.explain;
  const file = explainFiles(policy, overrides).attributionsFile;
  if (explain === undefined || file === undefined) return undefined;
  const spec = explain.attributions;
  return {
    file: {
      source: { path: file, ...(spec?.format === undefined ? {} : { format: spec.format }) },
      features: explain.features.map((f) => f.name),
      ...(spec?.idColumn === undefined ? {} : { idColumn: spec.idColumn }),
    },
    evaluationPath,
    ...(spec?.evaluationIdColumn === undefined ? {} : { evaluationIdColumn: spec.evaluationIdColumn }),
  };
}

/**
 * Everything after the evaluation pass: proxies from the pass's profile, the attribution metrics from the profile the
 * pass read in lockstep, stability against the baseline importance, and the flip test against the endpoint. Returns the
 * verdict's explain block and the inputs it rests on (with digests, the endpoint without credentials).
 */
export async function completeExplain(run: ExplainRun): Promise<{ section: ExplainSection; inputs: InputRef[] }> {
  const { explain, overrides, policy } = run;
  const inputs: InputRef[] = [];
  const files = explainFiles(policy, overrides);
  const report = detectProxies(run.pass.profile, toThresholds(explain.proxyThresholds));
  const detected = report.flagged.map((a) => a.feature).filter((name) => !explain.proxies.includes(name));
  const proxies = [...explain.proxies, ...new Set(detected)];

  let metrics: AttributionMetrics | undefined;
  let alignment: 'id' | 'position' = 'position';
  const read = run.pass.attributions();
  const attributionsFile = files.attributionsFile;
  if (attributionsFile !== undefined) {
    if (read === undefined) fail('INTERNAL_INVARIANT', 'the attributions file was not read in the evaluation pass (explainPass without attributionInput)');
    metrics = computeAttributionMetrics(read.profile, { protectedFeatures: explain.protected, proxyFeatures: proxies, minGroupSize: run.minGroupSize });
    alignment = read.alignment;
    inputs.push({ role: 'attributions', file: attributionsFile, digest: read.digest, rows: read.rows });
  }

  let stability: ExplainSection['stability'];
  const baselineFile = files.importanceBaselineFile;
  if (baselineFile !== undefined) {
    const spec = explain.importanceBaseline;
    const baseline = await readGlobalImportance({
      source: { path: baselineFile, ...(spec?.format === undefined ? {} : { format: spec.format }) },
      ...(spec?.featureColumn === undefined ? {} : { featureColumn: spec.featureColumn }),
      ...(spec?.importanceColumn === undefined ? {} : { importanceColumn: spec.importanceColumn }),
    });
    inputs.push({ role: 'importance_baseline', file: baselineFile, digest: await digestFile(baselineFile), rows: baseline.size });
    if (metrics !== undefined) {
      const s = compareImportance(importanceOf(metrics), baseline, explain.topK);
      stability = { k: s.k, spearman: s.spearman, kendallTauB: s.kendallTauB, topKOverlap: s.topKOverlap, onlyCurrent: s.onlyCurrent, onlyBaseline: s.onlyBaseline };
    }
  }

  let flips: ExplainFlips | undefined;
  const url = endpointUrl(explain, overrides);
  if (url !== undefined && wantsFlipTest(policy)) {
    flips = await flipTests(run, url, report);
    inputs.push({ role: 'endpoint', file: flips.endpoint, digest: digestOf(`${flips.protocol} ${flips.endpoint}`) });
  }

  const section: ExplainSection = {
    features: explain.features.map((f) => f.name),
    protected: explain.protected,
    proxies,
    ...(metrics === undefined
      ? {}
      : {
          attributions: {
            alignment,
            overall: sliceOf(metrics.overall),
            groups: metrics.groups.map(sliceOf),
            disparities: metrics.disparities.map((d) => ({ column: d.column, feature: d.feature, value: d.value, extremes: d.extremes, excluded: d.excluded })),
          },
        }),
    ...(stability === undefined ? {} : { stability }),
    associations: associationsOf(report, metrics),
    ...(flips === undefined ? {} : { flips }),
  };
  return { section, inputs };
}

function associationsOf(report: ProxyReport, metrics: AttributionMetrics | undefined): ExplainAssociation[] {
  // Ranked by overall importance, largest first (ties in feature order); a feature the model never uses (importance
  // 0 or undefined) gets no rank, so a proxy rule over the top k does not count it as a channel.
  const ranked = metrics === undefined ? [] : metrics.overall.features.filter((f) => (f.importance ?? 0) > 0).sort((a, b) => (b.importance ?? 0) - (a.importance ?? 0)).map((f) => f.feature);
  return report.associations.map((a) => ({
    feature: a.feature,
    kind: a.kind,
    sensitive: a.sensitive,
    n: a.n,
    cramersV: a.cramersV,
    cramersVCorrected: a.cramersVCorrected,
    correlationRatio: a.correlationRatio,
    normalizedMutualInformation: a.normalizedMutualInformation,
    importanceRank: ranked.includes(a.feature) ? ranked.indexOf(a.feature) + 1 : null,
  }));
}

function sliceOf(slice: AttributionSlice): ExplainSlice {
  return {
    key: slice.key,
    rows: slice.rows,
    usable: slice.usable,
    coverage: slice.coverage,
    protectedShare: slice.protectedShare,
    proxyShare: slice.proxyShare,
    features: slice.features.map((f) => ({ feature: f.feature, importance: f.importance, meanAttribution: f.meanAttribution, share: f.share })),
  };
}

function toThresholds(t: ProxyThresholdSettings): { cramersV?: number; correlationRatio?: number; normalizedMutualInformation?: number; biasCorrected: boolean } {
  return {
    biasCorrected: t.biasCorrected,
    ...(t.cramersV === undefined ? {} : { cramersV: t.cramersV }),
    ...(t.correlationRatio === undefined ? {} : { correlationRatio: t.correlationRatio }),
    ...(t.normalizedMutualInformation === undefined ? {} : { normalizedMutualInformation: t.normalizedMutualInformation }),
  };
}
