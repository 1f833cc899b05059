import type { DataDocument, SettingsDocument } from './schema-policy.ts';
import { defaultSettings, type DataMapping, type PolicySettings } from './types.ts';

/** `data:` with its defaults (task binary, no sensitive column); labels are compared as strings. */
export function normalizeData(doc: DataDocument | undefined): DataMapping {
  const d = doc ?? {};
  return {
    task: d.task ?? 'binary',
    sensitive: d.sensitive ?? [],
    ...(d.y_true === undefined ? {} : { yTrue: d.y_true }),
    ...(d.y_pred === undefined ? {} : { yPred: d.y_pred }),
    ...(d.score === undefined ? {} : { score: d.score }),
    ...(d.threshold === undefined ? {} : { threshold: d.threshold }),
    ...(d.weight === undefined ? {} : { weight: d.weight }),
    ...(d.positive_label === undefined ? {} : { positiveLabel: String(d.positive_label) }),
    ...(d.labels === undefined ? {} : { labels: d.labels.map(String) }),
  };
}

/** `settings:` with the documented defaults applied. */
export function normalizeSettings(doc: SettingsDocument | undefined): PolicySettings {
  const s = doc ?? {};
  return {
    minGroupSize: s.min_group_size ?? defaultSettings.minGroupSize,
    confidence: s.confidence ?? defaultSettings.confidence,
    failOn: s.fail_on ?? defaultSettings.failOn,
    insufficientEvidence: s.insufficient_evidence ?? defaultSettings.insufficientEvidence,
    seed: s.seed ?? defaultSettings.seed,
    bootstrapSamples: s.bootstrap_samples ?? defaultSettings.bootstrapSamples,
    intersections: s.intersections ?? defaultSettings.intersections,
    referenceGroups: s.reference_groups ?? defaultSettings.referenceGroups,
  };
}
