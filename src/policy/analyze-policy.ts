import { digestOf, type Problem } from '../core/index.ts';
import { packNames, packs } from './packs.ts';
import { Problems, type RuleSite } from './problems.ts';
import { normalizeRule } from './rules.ts';
import { policySchema, type PolicyDocument, type RuleDocument } from './schema-policy.ts';
import { normalizeData, normalizeDataset, normalizeSettings } from './normalize.ts';
import { normalizeExplain } from './normalize-explain.ts';
import type { Policy, PolicyRule } from './types.ts';
import { issuesToProblems } from './zod-issues.ts';
import { parseYaml, type YamlSource } from './yaml-source.ts';

/**
 * The whole of policy validation, collecting every problem: YAML syntax, shape (zod), then meaning (packs, metric
 * names, columns, duplicate ids, CEL). Returns the policy only when there is no problem. loadPolicy throws the first
 * problem; `steward policy validate` prints them all.
 */
export function analyzePolicy(file: string, bytes: Uint8Array): { policy?: Policy; problems: Problem[] } {
  const source = parseYaml(file, new TextDecoder('utf-8').decode(bytes));
  const parsed = policySchema.safeParse(source.value ?? {});
  if (!parsed.success) return { problems: issuesToProblems(parsed.error.issues, source, policySchema) };
  const doc = parsed.data;
  const problems = new Problems();
  const data = normalizeData(doc.data);
  const dataset = normalizeDataset(doc.data);
  const settings = normalizeSettings(doc.settings);
  checkDataMapping(doc, source, problems);
  const explain = normalizeExplain(doc.explain, data, source, problems);
  if (explain !== undefined && dataset !== undefined) problems.add('POLICY_INVALID_FIELD', 'explain: is for checks of a model, but data.task is dataset', source.at(['explain']), { expected: 'no explain: section in a dataset policy' });
  for (const column of Object.keys(settings.referenceGroups)) {
    if (!data.sensitive.includes(column)) {
      problems.unknown('POLICY_UNKNOWN_COLUMN', `reference group for "${column}", which is not declared in data.sensitive`, source.keyAt(['settings', 'reference_groups'], column), column, data.sensitive);
    }
  }
  const rules: PolicyRule[] = [];
  const firstSeen = new Map<string, { line: number | undefined; origin: string }>();
  /** Duplicate ids are checked on every rule, valid or not, so one run reports them alongside other problems. */
  const add = (ruleDoc: RuleDocument, site: RuleSite, origin: string) => {
    const earlier = firstSeen.get(ruleDoc.id);
    if (earlier !== undefined) {
      problems.add('POLICY_DUPLICATE_RULE', `rule id "${ruleDoc.id}" is used twice (first at line ${earlier.line ?? '?'}, from ${earlier.origin})`, site.at([]), { expected: 'a unique id' });
    } else {
      firstSeen.set(ruleDoc.id, { line: site.at([]).line, origin });
    }
    const rule = normalizeRule(ruleDoc, { data, dataset, settings, explain, site, origin, problems });
    if (rule !== undefined) rules.push(rule);
  };
  (doc.extends ?? []).forEach((name, index) => {
    const pack = packs[name];
    const location = source.at(['extends', index]);
    if (pack === undefined) {
      problems.unknown('POLICY_UNKNOWN_PACK', `unknown pack "${name}"`, location, name, packNames(), `one of: ${packNames().join(', ')}`);
      return;
    }
    const site: RuleSite = { at: () => location, expressionAt: () => location };
    for (const ruleDoc of pack) add(ruleDoc, site, name);
  });
  (doc.rules ?? []).forEach((ruleDoc, index) => {
    const site: RuleSite = {
      at: (path) => source.at(['rules', index, ...path]),
      expressionAt: (offset) => source.charAt(['rules', index, 'expression'], offset),
    };
    add(ruleDoc, site, 'policy');
  });
  if (problems.size > 0) return { problems: problems.list };
  const policy: Policy = {
    name: doc.metadata.name,
    ...(doc.metadata.description === undefined ? {} : { description: doc.metadata.description }),
    file,
    digest: digestOf(bytes),
    ...(doc.model === undefined ? {} : { model: doc.model }),
    extends: doc.extends ?? [],
    data,
    ...(dataset === undefined ? {} : { dataset }),
    settings,
    ...(explain === undefined ? {} : { explain }),
    rules,
  };
  return { policy, problems: [] };
}

/** Cross-field checks of `data:` that zod's per-field shape cannot express. */
function checkDataMapping(doc: PolicyDocument, source: YamlSource, problems: Problems): void {
  const data = doc.data;
  if (data === undefined) return;
  if (data.threshold !== undefined && data.score === undefined) {
    problems.add('POLICY_INVALID_FIELD', 'data.threshold is set but data.score is not', source.at(['data', 'threshold']), { expected: 'data.score naming the score column' });
  }
  const forDataset = ['label', 'id', 'columns', 'dataset'] as const;
  const forModels = ['y_true', 'y_pred', 'score', 'threshold', 'weight', 'labels'] as const;
  for (const field of data.task === 'dataset' ? forModels : forDataset) {
    if (data[field] !== undefined) {
      problems.add('POLICY_INVALID_FIELD', `data.${field} ${data.task === 'dataset' ? 'is for evaluations of a model, but data.task is dataset' : 'is for dataset checks (data.task: dataset)'}`, source.at(['data', field]), {
        expected: data.task === 'dataset' ? 'label, id, sensitive, columns, positive_label' : 'data.task: dataset, or no such field',
      });
    }
  }
  if (data.task === 'dataset') {
    for (const [name, column] of Object.entries(data.columns ?? {})) {
      const numeric = column.type === 'number' || column.type === 'integer';
      if ((column.min !== undefined || column.max !== undefined) && !numeric) problems.add('POLICY_INVALID_FIELD', `column "${name}" has a range but is not declared as a number`, source.at(['data', 'columns', name]), { expected: 'type: number or integer' });
      if (column.values !== undefined && numeric) problems.add('POLICY_INVALID_FIELD', `column "${name}" lists allowed values but is a number column`, source.at(['data', 'columns', name, 'values']), { expected: 'min/max for number columns' });
      if (column.min !== undefined && column.max !== undefined && column.min > column.max) problems.add('POLICY_INVALID_FIELD', `column "${name}": min ${column.min} is above max ${column.max}`, source.at(['data', 'columns', name, 'min']), { expected: `min ≤ ${column.max}` });
    }
    const textual = (name: string | undefined, field: 'label' | 'id' | 'sensitive') => {
      const type = name === undefined ? undefined : data.columns?.[name]?.type;
      if (field !== 'id' && (type === 'number' || type === 'integer')) problems.add('POLICY_INVALID_FIELD', `the ${field} column "${name ?? ''}" is declared as a number; it is read as text`, source.at(['data', 'columns', name ?? '', 'type']), { expected: 'type: category, string or boolean' });
    };
    textual(data.label, 'label');
    for (const column of data.sensitive ?? []) textual(column, 'sensitive');
    if (data.label !== undefined && data.label === data.id) problems.add('POLICY_INVALID_FIELD', 'data.label and data.id name the same column', source.at(['data', 'id']), { expected: 'two different columns' });
  }
  const seen = new Set<string>();
  (data.sensitive ?? []).forEach((column, index) => {
    if (column.includes('&')) problems.add('POLICY_INVALID_FIELD', `sensitive column "${column}" contains "&", which separates intersections`, source.at(['data', 'sensitive', index]), { expected: 'a column name without &' });
    if (seen.has(column)) problems.add('POLICY_INVALID_FIELD', `sensitive column "${column}" is declared twice`, source.at(['data', 'sensitive', index]), { expected: 'each column once' });
    seen.add(column);
  });
}
