import type { Finding, MetricsSection } from '../../../core/index.ts';
import type { DatasetFacts } from '../../../stats/data/index.ts';
import type { DataRule, DatasetMapping, PolicySettings } from '../../types.ts';
import { noDataset } from './common.ts';
import { evaluateDuplicatesRule } from './duplicates-rule.ts';
import { evaluateLabelBalanceRule } from './label-balance-rule.ts';
import { evaluateLeakageRule } from './leakage-rule.ts';
import { evaluateMissingnessRule } from './missingness-rule.ts';
import { evaluatePersonalDataRule } from './personal-data-rule.ts';
import { evaluatePreviousVersionRule } from './previous-version-rule.ts';
import { evaluateRepresentationRule } from './representation-rule.ts';
import { evaluateSchemaRule } from './schema-rule.ts';

/**
 * One data rule over the facts of a dataset and its group metrics. Representation and label balance read the group
 * metrics only (so a policy test decides them from `metrics:` alone); the others need the facts of a read.
 */
export function evaluateDataRule(rule: DataRule, metrics: MetricsSection, dataset: DatasetMapping | undefined, facts: DatasetFacts | undefined, settings: PolicySettings): Finding[] {
  if (dataset === undefined) return [noDataset(rule)];
  if (rule.kind === 'representation') return evaluateRepresentationRule(rule, metrics, dataset, settings);
  if (rule.kind === 'label_balance') return evaluateLabelBalanceRule(rule, metrics, settings);
  if (facts === undefined) return [noDataset(rule)];
  switch (rule.kind) {
    case 'schema':
      return evaluateSchemaRule(rule, dataset, facts);
    case 'missingness':
      return evaluateMissingnessRule(rule, facts, settings);
    case 'leakage':
      return evaluateLeakageRule(rule, dataset, facts);
    case 'duplicates':
      return evaluateDuplicatesRule(rule, dataset, facts);
    case 'personal_data':
      return evaluatePersonalDataRule(rule, facts);
    case 'previous_version':
      return evaluatePreviousVersionRule(rule, dataset, facts, settings);
  }
}
