/**
 * The first, row-at-a-time implementation of the attribution profile, kept as the exact reference for the columnar one
 * in src/stats/explain/attribution-profile.ts: both add the same values in the same order per slice and feature, so
 * their sums must agree bit for bit.
 */
import { MISSING_VALUE } from '../../../../src/stats/groupings.ts';
import type { AttributionProfile, AttributionSums } from '../../../../src/stats/explain/index.ts';
import { addSums, copySums, emptySums } from '../../../../src/stats/explain/attribution-sums.ts';
export function createRowwiseAttributionProfile(spec: { features: readonly string[]; sensitive: readonly string[] }): AttributionProfile {
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
