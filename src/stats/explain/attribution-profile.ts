import { MISSING_VALUE } from '../groupings.ts';
import type { AttributionBatch } from './attribution-batch.ts';
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
      // Resolve each column's codes to its group sums once per batch, so the row loop only indexes arrays.
      const slots = batch.groups.map((codes, column) => {
        const dictionary = batch.groupValues[column] ?? [];
        const sumsOfCode = dictionary.map((value) => groupSums(column, value));
        let missing: AttributionSums | undefined;
        return (row: number): AttributionSums => {
          const code = codes[row] ?? -1;
          if (code >= 0) {
            const sums = sumsOfCode[code];
            if (sums === undefined) throw new TypeError(`group code ${code} of "${sensitive[column]}" is not in its dictionary`);
            return sums;
          }
          missing ??= groupSums(column, MISSING_VALUE);
          return missing;
        };
      });
      const targets: AttributionSums[] = new Array<AttributionSums>(slots.length + 1);
      for (let row = 0; row < batch.rows; row++) {
        targets[0] = overall;
        for (let c = 0; c < slots.length; c++) targets[c + 1] = (slots[c] as (row: number) => AttributionSums)(row);
        let usable = true;
        for (let f = 0; f < width && usable; f++) usable = Number.isFinite((batch.attributions[f] as Float64Array)[row]);
        for (const sums of targets) {
          sums.rows += 1;
          if (!usable) continue;
          sums.usable += 1;
          for (let f = 0; f < width; f++) {
            const a = (batch.attributions[f] as Float64Array)[row] as number;
            sums.sumAbs[f] = (sums.sumAbs[f] as number) + Math.abs(a);
            sums.sum[f] = (sums.sum[f] as number) + a;
          }
        }
      }
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
