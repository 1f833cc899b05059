import {
  differenceBetween,
  differenceToOverall,
  ratioBetween,
  ratioToOverall,
  ratioToReference,
  type Aggregate,
} from './aggregate.ts';
import type { DisparityDefinition } from './definitions.ts';

/** A fixed reference group (position among the taking-part groups), none (< 0: chosen from the data), or absent. */
export type Reference = { readonly kind: 'fixed'; readonly position: number } | { readonly kind: 'highest' } | { readonly kind: 'absent' };

const NONE: Aggregate = { value: null, extremes: [] };

/**
 * One disparity over the taking-part groups' summaries and the overall summary. Returns the value and the extreme
 * groups as positions into `summaries`. A group whose component value is null makes the value null (the caller
 * leaves such groups out at the point estimate; in a bootstrap replicate a null drops that replicate).
 */
export function evaluateDisparity(
  definition: DisparityDefinition,
  aggregation: 'between_groups' | 'to_overall',
  summaries: readonly Float64Array[],
  overall: Float64Array,
  reference: Reference,
): Aggregate {
  let best: Aggregate = NONE;
  const difference = definition.info.form === 'difference';
  for (const component of definition.components) {
    const values: number[] = [];
    for (const summary of summaries) {
      const value = component(summary);
      if (value === null) return NONE;
      values.push(value);
    }
    const whole = component(overall);
    if (whole === null) return NONE;
    let result: Aggregate;
    if (definition.reference) {
      if (aggregation === 'to_overall') result = ratioToReference(values, -1, whole);
      else if (reference.kind === 'absent') result = NONE;
      else result = ratioToReference(values, reference.kind === 'fixed' ? reference.position : highest(values), whole);
    } else if (difference) {
      result = aggregation === 'between_groups' ? differenceBetween(values) : differenceToOverall(values, whole);
    } else {
      result = aggregation === 'between_groups' ? ratioBetween(values) : ratioToOverall(values, whole);
    }
    if (result.value === null) return NONE;
    if (best.value === null || (difference ? result.value > best.value : result.value < best.value)) best = result;
  }
  return best;
}

/** Position of the highest value (first on ties, i.e. first in group order). */
function highest(values: readonly number[]): number {
  let at = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[at] ?? 0)) at = i;
  return at;
}
