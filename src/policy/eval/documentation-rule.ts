import type { Finding } from '../../core/index.ts';
import type { DocumentationRule } from '../types.ts';
import { ruleFields, statusOf } from './finding-base.ts';

/**
 * Required model-card fields, as dotted paths (`training_data.source`; a numeric segment indexes a list). A field is
 * missing when the path does not resolve or ends at null, an empty (or blank) string, an empty list or an empty map.
 */
export function evaluateDocumentationRule(rule: DocumentationRule, card: unknown): Finding {
  const missing = rule.required.filter((path) => isEmpty(resolve(card, path)));
  const present = rule.required.filter((path) => !missing.includes(path));
  const failed = missing.length > 0;
  return {
    ...ruleFields(rule),
    status: statusOf(failed, rule.severity),
    value: missing.length,
    bound: { max: 0 },
    n: rule.required.length,
    formula: 'count of required model-card fields that are missing or empty',
    evidence: { required: rule.required, missing, present },
    message: failed
      ? `the model card is missing ${missing.join(', ')} (${missing.length} of ${rule.required.length} required fields)`
      : `the model card has all ${rule.required.length} required fields`,
  };
}

export function resolve(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      const index = Number(segment);
      current = Number.isInteger(index) ? current[index] : undefined;
    } else {
      current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return current;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
