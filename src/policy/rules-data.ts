import { builtInDetectorNames } from '../stats/data/index.ts';
import { resolveGroupings } from './groupings.ts';
import type { RuleContext } from './rules.ts';
import type { RuleDocument } from './schema-policy.ts';
import type { DataRule, PolicyRule } from './types.ts';

type Base = Pick<PolicyRule, 'id' | 'severity' | 'location' | 'origin' | 'description'>;

/**
 * Builds a data rule (schema, representation, label_balance, missingness, leakage, duplicates, personal_data) of a
 * dataset policy, checking what zod cannot: that the policy is a dataset policy, that the label or id a rule needs is
 * declared, that reference columns are sensitive columns, and that detectors and patterns exist and compile.
 */
export function buildDataRule(doc: RuleDocument, base: Base, context: RuleContext): DataRule | undefined {
  const { site, problems, data, settings, dataset } = context;
  if (dataset === undefined) {
    problems.add('POLICY_INVALID_FIELD', `rule "${doc.id}" is a data rule, but the policy checks predictions`, site.at([]), { expected: 'data.task: dataset for data rules' });
    return undefined;
  }
  const groupings = () => resolveGroupings(doc.sensitive, data.sensitive, settings.intersections, site, problems);
  const needGroups = (kind: string) => {
    if (data.sensitive.length === 0) problems.add('POLICY_INVALID_FIELD', `${kind} rule "${doc.id}" compares groups, but data.sensitive declares no column`, site.at([]), { expected: 'data.sensitive: [column, …]' });
  };
  const needLabel = (kind: string) => {
    if (dataset.label === undefined) problems.add('POLICY_INVALID_FIELD', `${kind} rule "${doc.id}" needs the label column`, site.at([kind]), { expected: 'data.label naming the label column' });
  };
  if (doc.sensitive !== undefined && doc.representation === undefined && doc.label_balance === undefined && doc.missingness === undefined) {
    problems.add('POLICY_INVALID_FIELD', '"sensitive" applies to representation, label_balance and missingness rules only', site.at(['sensitive']));
  }
  if (doc.schema !== undefined) {
    return { ...base, kind: 'schema', required: doc.schema.required ?? [], ...(doc.schema.max_missing === undefined ? {} : { maxMissing: doc.schema.max_missing }) };
  }
  if (doc.representation !== undefined) {
    const spec = doc.representation;
    needGroups('representation');
    if (spec.min_share === undefined && spec.reference === undefined) {
      problems.add('POLICY_INVALID_FIELD', `representation rule "${doc.id}" has no bound`, site.at(['representation']), { expected: 'min_share, reference or both' });
    }
    for (const [column, shares] of Object.entries(spec.reference ?? {})) {
      if (!data.sensitive.includes(column)) {
        problems.unknown('POLICY_UNKNOWN_COLUMN', `reference shares for "${column}", which is not declared in data.sensitive`, site.at(['representation', 'reference', column]), column, data.sensitive);
      }
      const total = Object.values(shares).reduce((sum, share) => sum + share, 0);
      if (total > 1 + 1e-9) problems.add('POLICY_INVALID_FIELD', `reference shares of "${column}" add up to ${total}, more than 1`, site.at(['representation', 'reference', column]), { expected: 'shares adding up to at most 1' });
    }
    return { ...base, kind: 'representation', groupings: groupings(), reference: spec.reference ?? {}, tolerance: spec.tolerance ?? 0.05, ...(spec.min_share === undefined ? {} : { minShare: spec.min_share }) };
  }
  if (doc.label_balance !== undefined) {
    const spec = doc.label_balance;
    needGroups('label_balance');
    needLabel('label_balance');
    if (spec.max_difference === undefined && spec.min_ratio === undefined) {
      problems.add('POLICY_INVALID_FIELD', `label_balance rule "${doc.id}" has no bound`, site.at(['label_balance']), { expected: 'max_difference, min_ratio or both' });
    }
    return { ...base, kind: 'label_balance', groupings: groupings(), ...(spec.max_difference === undefined ? {} : { maxDifference: spec.max_difference }), ...(spec.min_ratio === undefined ? {} : { minRatio: spec.min_ratio }) };
  }
  if (doc.missingness !== undefined) {
    const spec = doc.missingness;
    needGroups('missingness');
    return { ...base, kind: 'missingness', groupings: groupings(), maxDifference: spec.max_difference, ...(spec.columns === undefined ? {} : { columns: spec.columns }) };
  }
  if (doc.leakage !== undefined) {
    const spec = doc.leakage;
    if (dataset.label === undefined && dataset.id === undefined) needLabel('leakage');
    return { ...base, kind: 'leakage', maxAuc: spec.max_auc ?? 0.95, maxAssociation: spec.max_association ?? 0.9, ...(spec.columns === undefined ? {} : { columns: spec.columns }) };
  }
  if (doc.duplicates !== undefined) {
    const spec = doc.duplicates;
    if (spec.max_ids !== undefined && dataset.id === undefined) {
      problems.add('POLICY_INVALID_FIELD', `duplicates rule "${doc.id}" bounds repeated ids, but data.id is not declared`, site.at(['duplicates', 'max_ids']), { expected: 'data.id naming the id column' });
    }
    if (spec.max_rows === undefined && spec.max_row_share === undefined && spec.max_ids === undefined) {
      problems.add('POLICY_INVALID_FIELD', `duplicates rule "${doc.id}" has no bound`, site.at(['duplicates']), { expected: 'max_rows, max_row_share or max_ids' });
    }
    return {
      ...base,
      kind: 'duplicates',
      ...(spec.max_rows === undefined ? {} : { maxRows: spec.max_rows }),
      ...(spec.max_row_share === undefined ? {} : { maxRowShare: spec.max_row_share }),
      ...(spec.max_ids === undefined ? {} : { maxIds: spec.max_ids }),
    };
  }
  if (doc.personal_data !== undefined) {
    const spec = doc.personal_data;
    const detectors = spec.detectors ?? builtInDetectorNames;
    (spec.detectors ?? []).forEach((name, index) => {
      if (!builtInDetectorNames.includes(name)) {
        problems.unknown('POLICY_INVALID_FIELD', `unknown personal-data detector "${name}"`, site.at(['personal_data', 'detectors', index]), name, builtInDetectorNames, `one of: ${builtInDetectorNames.join(', ')}`);
      }
    });
    for (const [name, pattern] of Object.entries(spec.patterns ?? {})) {
      try {
        new RegExp(pattern, 'u');
      } catch (error) {
        problems.add('POLICY_INVALID_FIELD', `pattern "${name}" is not a valid regular expression (${(error as Error).message})`, site.at(['personal_data', 'patterns', name]), { expected: 'a JavaScript regular expression (u flag)' });
      }
      if (builtInDetectorNames.includes(name)) problems.add('POLICY_INVALID_FIELD', `pattern "${name}" has the name of a built-in detector`, site.at(['personal_data', 'patterns', name]), { expected: 'a new name' });
    }
    return { ...base, kind: 'personal_data', maxShare: spec.max_share ?? 0, detectors, patterns: spec.patterns ?? {}, ...(spec.columns === undefined ? {} : { columns: spec.columns }) };
  }
  if (doc.previous_version !== undefined) {
    const spec = doc.previous_version;
    if (dataset.name === undefined) {
      problems.add('POLICY_INVALID_FIELD', `previous_version rule "${doc.id}" compares with the previous recorded version, but data.dataset names no dataset`, site.at(['previous_version']), { expected: 'data.dataset: the name given to steward record dataset --name' });
    }
    return {
      ...base,
      kind: 'previous_version',
      thresholds: Object.fromEntries(Object.entries(spec.thresholds ?? {}).filter((entry): entry is [string, number] => entry[1] !== undefined)),
      newCategories: spec.new_categories ?? false,
      ...(spec.columns === undefined ? {} : { columns: spec.columns }),
      ...(spec.max_missing_rate_change === undefined ? {} : { maxMissingRateChange: spec.max_missing_rate_change }),
    };
  }
  return undefined;
}
