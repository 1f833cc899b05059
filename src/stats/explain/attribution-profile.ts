import { MISSING_VALUE } from '../groupings.ts';
import type { AttributionBatch } from './attribution-batch.ts';
import { addGrouped, addOverall, markUsable, slotGroups } from './attribution-columns.ts';
import { addSums, copySums, emptySums, type AttributionSums } from './attribution-sums.ts';

/** The attribution sums of one group: the rows whose sensitive column `column` has value `value`. */
export interface AttributionGroup {
  readonly column: string;
  /** The group's value; MISSING_VALUE (`(missing)`) for rows where the column is missing. */
  readonly value: string;
  readonly sums: AttributionSums;
}

/**
 * Mergeable attribution statistics: Σ|a| and Σa per feature, overall and per group of each sensitive column, plus
 * row and usable-row counts. Memory is O(features × groups); one pass; merge by addition, groups matched by value.
 */
export interface AttributionProfile {
  readonly features: readonly string[];
  readonly sensitive: readonly string[];
  add(batch: AttributionBatch): void;
  /** Adds `other` into this profile; `other` is unchanged. Features and sensitive columns must be the same. */
  merge(other: AttributionProfile): void;
  /** A snapshot of the overall sums. */
  overall(): AttributionSums;
  /** Snapshots of every group, sensitive columns in order, groups in first-seen order. */
  groups(): readonly AttributionGroup[];
}

export function createAttributionProfile(spec: { features: readonly string[]; sensitive: readonly string[] }): AttributionProfile {
  const features = [...spec.features];
  const sensitive = [...spec.sensitive];
  const width = features.length;
  const overall = emptySums(width);
  const byColumn = sensitive.map(() => new Map<string, AttributionSums>());
  // Per-batch scratch, reused: which rows are usable, each row's group slot in the column at hand, and the usable
  // rows listed slot by slot.
  let usable = new Uint8Array(0);
  let slot = new Int32Array(0);
  let order = new Int32Array(0);

  const groupSums = (column: number, value: string): AttributionSums => {
    const map = byColumn[column] as Map<string, AttributionSums>;
    let sums = map.get(value);
    if (sums === undefined) {
      sums = emptySums(width);
      map.set(value, sums);
    }
    return sums;
  };

  const profile: AttributionProfile = {
    features,
    sensitive,
    add(batch) {
      if (batch.attributions.length !== width || batch.groups.length !== sensitive.length) {
        throw new TypeError(`an attribution batch with ${batch.attributions.length} features and ${batch.groups.length} sensitive columns does not fit a profile of ${width} and ${sensitive.length}`);
      }
      // Column at a time: a row's explanation is usable when all its attributions are finite; then each slice's sums
      // of each feature are added in one loop over the rows, in row order, so every sum sees the same additions in
      // the same order as a row-at-a-time loop would (the results do not depend on this layout).
      const rows = batch.rows;
      if (usable.length < rows) usable = new Uint8Array(Math.max(rows, usable.length * 2));
      if (slot.length < rows) {
        slot = new Int32Array(Math.max(rows, slot.length * 2));
        order = new Int32Array(slot.length);
      }
      const usableCount = markUsable(batch.attributions, rows, usable);
      overall.rows += rows;
      overall.usable += usableCount;
      for (let f = 0; f < width; f++) addOverall(overall, f, batch.attributions[f] as Float64Array, usable, rows);
      batch.groups.forEach((codes, column) => {
        // Slots: the dictionary's groups (registered in dictionary order, as first-seen), then `(missing)` if a code is -1.
        const dictionary = batch.groupValues[column] ?? [];
        const slots = dictionary.map((value) => groupSums(column, value));
        const missingSlot = slotGroups(codes, dictionary.length, rows, slot, sensitive[column] as string);
        if (missingSlot) slots.push(groupSums(column, MISSING_VALUE));
        addGrouped(slots, batch.attributions, slot, usable, rows, order);
      });
    },
    merge(other) {
      if (other === profile) throw new TypeError('a profile cannot be merged into itself');
      if (other.features.join('\u0000') !== features.join('\u0000') || other.sensitive.join('\u0000') !== sensitive.join('\u0000')) {
        throw new TypeError('cannot merge attribution profiles over different features or sensitive columns');
      }
      addSums(overall, other.overall());
      for (const group of other.groups()) addSums(groupSums(sensitive.indexOf(group.column), group.value), group.sums);
    },
    overall: () => copySums(overall),
    groups: () =>
      byColumn.flatMap((map, column) =>
        [...map].map(([value, sums]) => ({ column: sensitive[column] as string, value, sums: copySums(sums) })),
      ),
  };
  return profile;
}
