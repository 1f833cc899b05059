import type { Finding } from '../../../core/index.ts';
import type { DatasetFacts } from '../../../stats/data/index.ts';
import type { DatasetMapping, DuplicatesRule } from '../../types.ts';
import { statusOf } from '../finding-base.ts';
import { columnOf, dataRuleFields, firstPlaces, percent } from './common.ts';

/**
 * Duplicates: rows repeating an earlier row on every column but the id (exact, by value; 64-bit fingerprints, see
 * stats/data/hash-set64.ts) against max_rows and max_row_share, and repeated ids against max_ids. A value repeated
 * k times counts k − 1. One finding for rows, one for ids.
 */
export function evaluateDuplicatesRule(rule: DuplicatesRule, dataset: DatasetMapping, facts: DatasetFacts): Finding[] {
  const findings: Finding[] = [];
  const rows = facts.rows;
  if (rule.maxRows !== undefined || rule.maxRowShare !== undefined) {
    const count = facts.duplicateRows;
    const share = rows === 0 ? 0 : count / rows;
    const limit = Math.min(rule.maxRows ?? Number.POSITIVE_INFINITY, rule.maxRowShare === undefined ? Number.POSITIVE_INFINITY : Math.floor(rule.maxRowShare * rows));
    const failed = count > limit;
    findings.push({
      ...dataRuleFields(rule),
      metric: 'duplicate_rows',
      status: statusOf(failed, rule.severity),
      value: count,
      bound: { max: limit },
      n: rows,
      formula: 'rows − distinct rows (every column but the id)',
      evidence: { rows, duplicate_rows: count, share, max_rows: rule.maxRows ?? null, max_row_share: rule.maxRowShare ?? null },
      message: `${count} of ${rows} rows (${percent(share)}) repeat an earlier row${failed ? `, more than the ${limit} allowed` : count === 0 ? '' : `, within the ${limit} allowed`}`,
    });
  }
  if (rule.maxIds !== undefined && dataset.id !== undefined) {
    const id = columnOf(facts, dataset.id);
    const count = id?.duplicates ?? 0;
    const failed = count > rule.maxIds;
    findings.push({
      ...dataRuleFields(rule),
      metric: 'duplicate_ids',
      status: statusOf(failed, rule.severity),
      value: count,
      bound: { max: rule.maxIds },
      n: id === undefined ? 0 : id.rows - id.missing,
      formula: 'non-missing ids − distinct ids',
      evidence: { column: dataset.id, duplicate_ids: count, first: firstPlaces(id?.violations.unique.first ?? []) },
      message: `${count} ${count === 1 ? 'id repeats' : 'ids repeat'} an earlier id in "${dataset.id}"${failed ? `, more than the ${rule.maxIds} allowed` : ''}`,
    });
  }
  return findings;
}
