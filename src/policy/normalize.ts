import type { DataDocument, SettingsDocument } from './schema-policy.ts';
import { defaultSettings, type DataMapping, type DatasetMapping, type PolicySettings } from './types.ts';

/**
 * `data:` with its defaults (task binary, no sensitive column); labels are compared as strings. A dataset policy's
 * mapping has task binary here (its label is binary); its own fields are in normalizeDataset.
 */
export function normalizeData(doc: DataDocument | undefined): DataMapping {
  const d = doc ?? {};
  return {
    task: d.task === 'dataset' ? 'binary' : (d.task ?? 'binary'),
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

/** The dataset part of `data:` (task dataset): label, id, declared columns; values compared as text. */
export function normalizeDataset(doc: DataDocument | undefined): DatasetMapping | undefined {
  if (doc?.task !== 'dataset') return undefined;
  const columns = Object.entries(doc.columns ?? {}).map(([name, c]) => ({
    name,
    ...(c.type === undefined ? {} : { type: c.type }),
    ...(c.values === undefined ? {} : { values: c.values.map(String) }),
    ...(c.min === undefined ? {} : { min: c.min }),
    ...(c.max === undefined ? {} : { max: c.max }),
    unique: c.unique ?? name === doc.id,
    ...(c.max_missing === undefined ? {} : { maxMissing: c.max_missing }),
    required: c.required ?? true,
  }));
  return {
    sensitive: doc.sensitive ?? [],
    columns,
    ...(doc.label === undefined ? {} : { label: doc.label }),
    ...(doc.positive_label === undefined ? {} : { positiveLabel: String(doc.positive_label) }),
    ...(doc.id === undefined ? {} : { id: doc.id }),
    ...(doc.dataset === undefined ? {} : { name: doc.dataset }),
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
