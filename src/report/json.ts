import type { Verdict } from '../core/index.ts';
import { stableJson } from './stable-json.ts';

/**
 * The verdict itself, for machines: every member, full precision, keys in a fixed order, 2-space indent and a final
 * newline. schema/report.schema.json describes it.
 */
export function renderJson(verdict: Verdict): string {
  return stableJson(verdict);
}
