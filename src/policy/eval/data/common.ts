import type { Finding, Location } from '../../../core/index.ts';
import type { DatasetFacts } from '../../../stats/data/index.ts';
import type { DataRule } from '../../types.ts';
import { fmt } from '../bounds.ts';
import { ruleFields } from '../finding-base.ts';

/** The members every finding of a data rule shares. */
export const dataRuleFields = (rule: DataRule): Pick<Finding, 'ruleId' | 'kind' | 'severity' | 'location'> => ruleFields(rule);

/** A data rule evaluated without dataset facts (e.g. by `steward policy test` on hand-written metrics). */
export function noDataset(rule: DataRule): Finding {
  return { ...dataRuleFields(rule), status: 'insufficient_evidence', message: `rule ${rule.id} checks a dataset, but no dataset was read, so it cannot be decided` };
}

/** `12.5%` with three significant digits. */
export function percent(share: number): string {
  return `${fmt(share * 100)}%`;
}

/** `lines 4, 9, 12` (or `rows …` for formats without lines) of the first offending rows. */
export function linesText(first: readonly Location[]): string {
  if (first.length === 0) return '';
  const lines = first.map((location) => location.line).filter((line): line is number => line !== undefined);
  return lines.length === 0 ? '' : `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`;
}

export function columnOf(facts: DatasetFacts, name: string) {
  return facts.columns.find((column) => column.name === name);
}
