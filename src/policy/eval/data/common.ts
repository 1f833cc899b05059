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

/**
 * `lines 4, 9, 12` of the first offending rows; for formats without lines (Parquet) their row paths,
 * `rows[3], rows[8]` (0-based).
 */
export function linesText(first: readonly Location[]): string {
  if (first.length === 0) return '';
  const lines = first.map((location) => location.line).filter((line): line is number => line !== undefined);
  if (lines.length > 0) return `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`;
  return first.map((location) => rowPath(location)).filter((path) => path !== undefined).join(', ');
}

/** Where each of the first offending rows is, for evidence: its line, else its row path (`rows[3]`), else null. */
export function firstPlaces(first: readonly Location[]): (number | string | null)[] {
  return first.map((location) => location.line ?? rowPath(location) ?? null);
}

function rowPath(location: Location): string | undefined {
  return /^rows\[\d+\]/.exec(location.path ?? '')?.[0];
}

export function columnOf(facts: DatasetFacts, name: string) {
  return facts.columns.find((column) => column.name === name);
}
