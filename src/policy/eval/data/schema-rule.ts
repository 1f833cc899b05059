import type { Finding } from '../../../core/index.ts';
import type { ColumnFacts, DatasetFacts } from '../../../stats/data/index.ts';
import type { ColumnDeclaration, DatasetMapping, SchemaRule } from '../../types.ts';
import { statusOf } from '../finding-base.ts';
import { dataRuleFields, firstPlaces, linesText, percent } from './common.ts';

const checks = [
  ['type', 'of the wrong type'],
  ['values', 'outside the allowed values'],
  ['range', 'outside the allowed range'],
  ['unique', 'repeating an earlier value'],
] as const;

/**
 * Schema: every required column is present (one finding per absent column), and every declared column meets its
 * declaration — type, allowed values, range, uniqueness, maximum missing share (the column's own, else the rule's).
 * One finding per column that breaks its declaration (or, undeclared, the rule's max_missing), its value the number
 * of offending rows with the first few named by line; when every column is fine, one passing finding.
 */
export function evaluateSchemaRule(rule: SchemaRule, dataset: DatasetMapping, facts: DatasetFacts): Finding[] {
  const findings: Finding[] = [];
  const declared = new Map(dataset.columns.map((column) => [column.name, column]));
  const required = new Set([...rule.required, ...dataset.columns.filter((c) => c.required).map((c) => c.name)]);
  for (const name of required) {
    if (facts.columns.some((column) => column.name === name)) continue;
    findings.push({
      ...dataRuleFields(rule),
      status: statusOf(true, rule.severity),
      value: 1,
      bound: { max: 0 },
      formula: 'required columns absent from the file',
      evidence: { column: name, present: facts.columns.map((c) => c.name) },
      message: `required column "${name}" is not in the file`,
    });
  }
  let checked = 0;
  for (const column of facts.columns) {
    const declaration = declared.get(column.name);
    const maxMissing = declaration?.maxMissing ?? rule.maxMissing;
    if (declaration === undefined && maxMissing === undefined) continue;
    checked++;
    const finding = columnFinding(rule, column, declaration, maxMissing);
    if (finding.status !== 'pass') findings.push(finding);
  }
  if (findings.length > 0) return findings;
  return [
    {
      ...dataRuleFields(rule),
      status: 'pass',
      value: 0,
      bound: { max: 0 },
      n: facts.rows,
      formula: 'rows breaking a column declaration',
      evidence: { columns: checked, declared: dataset.columns.map((c) => c.name) },
      message: `all ${checked} checked columns meet their declarations`,
    },
  ];
}

function tooMuchMissing(column: ColumnFacts, maxMissing: number): boolean {
  return column.rows > 0 && column.missing / column.rows > maxMissing;
}

function columnFinding(rule: SchemaRule, column: ColumnFacts, declaration: ColumnDeclaration | undefined, maxMissing: number | undefined): Finding {
  const problems: string[] = [];
  const evidence: Record<string, unknown> = { column: column.name, rows: column.rows, missing: column.missing };
  let offending = 0;
  for (const [kind, words] of checks) {
    const entry = column.violations[kind];
    if (entry.count === 0) continue;
    offending += entry.count;
    evidence[kind] = { rows: entry.count, first: firstPlaces(entry.first) };
    problems.push(`${entry.count} ${entry.count === 1 ? 'value' : 'values'} ${words} (${linesText(entry.first)})`);
  }
  const missingShare = column.rows === 0 ? 0 : column.missing / column.rows;
  if (maxMissing !== undefined) {
    evidence['max_missing'] = maxMissing;
    evidence['missing_share'] = missingShare;
    if (tooMuchMissing(column, maxMissing)) {
      const first = column.violations.missing.first;
      offending += column.missing;
      problems.push(`${percent(missingShare)} missing, more than the ${percent(maxMissing)} allowed (first ${linesText(first)})`);
      evidence['missing_first'] = firstPlaces(first);
    }
  }
  if (declaration?.values !== undefined) evidence['allowed'] = declaration.values;
  if (declaration?.min !== undefined || declaration?.max !== undefined) evidence['range'] = { min: declaration.min ?? null, max: declaration.max ?? null };
  // Not `type`: that key holds the type violations (rows, first lines) counted above.
  if (declaration?.type !== undefined) evidence['declared_type'] = declaration.type;
  const failed = problems.length > 0;
  return {
    ...dataRuleFields(rule),
    status: statusOf(failed, rule.severity),
    value: offending,
    bound: { max: 0 },
    n: column.rows,
    formula: 'rows breaking the column declaration (type, allowed values, range, uniqueness) + missing rows beyond max_missing',
    evidence,
    message: failed ? `column "${column.name}": ${problems.join('; ')}` : `column "${column.name}" meets its declaration`,
  };
}
