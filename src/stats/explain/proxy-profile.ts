import { binRows, Labels, recode, scratch } from './batch-codes.ts';
import { DEFAULT_BINS, quantileEdges } from './bin-edges.ts';
import { cellsOf, MAX_CELLS, tallyCellMoments, tallyCells } from './intersection-cells.ts';
import { PairTable } from './pair-table.ts';
import type { FeatureSpec, FeatureValues, ProxyBatch } from './proxy-batch.ts';

/** The statistics of one feature × sensitive column pair. Rows missing either value are not counted. */
export interface ProxyPair {
  readonly feature: FeatureSpec;
  readonly sensitive: string;
  /** Level labels: category values, or for a number feature its bins (`< 3`, `[3, 7)`, `≥ 7`), by bin index. */
  readonly levels: readonly string[];
  /** Group values of the sensitive column, in first-seen order. */
  readonly groups: readonly string[];
  /** counts[level][group]. */
  readonly table: readonly (readonly number[])[];
  /** Number features: exact per-group count, mean and M2 of the raw values (aligned with `groups`). */
  readonly moments?: { readonly n: readonly number[]; readonly mean: readonly number[]; readonly m2: readonly number[] };
}

/**
 * Mergeable association statistics between every feature and every sensitive column, from the evaluation data alone:
 * a contingency table per pair (number features binned on fixed edges) and, for number features, exact per-group
 * moments. Memory O(features × sensitive columns × levels × groups); one pass.
 */
export interface ProxyProfile {
  readonly features: readonly FeatureSpec[];
  readonly sensitive: readonly string[];
  add(batch: ProxyBatch): void;
  /**
   * Adds `other` into this profile. Number features must have the same bin edges in both (give every partial profile
   * the same `binEdges`, e.g. this profile's `edges()`), otherwise a TypeError: counts over different bins cannot add.
   */
  merge(other: ProxyProfile): void;
  /** The bin edges of each number feature chosen so far (absent until the feature had a finite value). */
  edges(): ReadonlyMap<string, readonly number[]>;
  pairs(): readonly ProxyPair[];
}

export interface ProxyProfileSpec {
  readonly features: readonly FeatureSpec[];
  readonly sensitive: readonly string[];
  /** Fixed edges per number feature; features without them get quantile edges from their first batch. */
  readonly binEdges?: Readonly<Record<string, readonly number[]>>;
  /** Bins when edges come from data; default 10 (deciles). */
  readonly bins?: number;
  /** Most intersection cells a batch is tallied over (default MAX_CELLS); above, it is counted per pair. Tests set it low. */
  readonly maxCells?: number;
}

export function createProxyProfile(spec: ProxyProfileSpec): ProxyProfile {
  const features = spec.features.map((f) => ({ name: f.name, kind: f.kind }));
  const sensitive = [...spec.sensitive];
  const bins = spec.bins ?? DEFAULT_BINS;
  const maxCells = spec.maxCells ?? MAX_CELLS;
  const edges = features.map((f) => (spec.binEdges?.[f.name] === undefined ? undefined : [...(spec.binEdges[f.name] as readonly number[])]));
  const levels = features.map(() => new Labels());
  const groups = sensitive.map(() => new Labels());
  const tables = features.map((f) => sensitive.map(() => new PairTable(f.kind === 'number')));
  // Per-batch codes, reused from batch to batch: a level per feature and a group per sensitive column, per row.
  let levelCodes: Int32Array[] = features.map(() => new Int32Array(0));
  let groupCodes: Int32Array[] = sensitive.map(() => new Int32Array(0));
  // Per-batch intersection cells and the tallies over them, reused likewise.
  let cellCodes: Int32Array = new Int32Array(0);
  let tally: Float64Array = new Float64Array(0);
  let cellN: Float64Array = new Float64Array(0);
  let cellMean: Float64Array = new Float64Array(0);
  let cellM2: Float64Array = new Float64Array(0);

  const profile: ProxyProfile = {
    features,
    sensitive,
    add(batch) {
      if (batch.features.length !== features.length || batch.groups.length !== sensitive.length) {
        throw new TypeError('a proxy batch does not have the features and sensitive columns of its profile');
      }
      const rows = batch.rows;
      groupCodes = groupCodes.map((buffer, s) => {
        const out = scratch(buffer, rows);
        const indexOf = (groups[s] as Labels).ofAll(batch.groupValues[s] ?? []);
        recode(batch.groups[s] as Int32Array, indexOf, rows, out, sensitive[s] as string);
        return out;
      });
      levelCodes = levelCodes.map((buffer, f) => {
        const feature = features[f] as FeatureSpec;
        const column = batch.features[f];
        if (column === undefined || column.kind !== feature.kind) throw new TypeError(`feature "${feature.name}" must be given as ${feature.kind}`);
        const out = scratch(buffer, rows);
        if (column.kind === 'category') {
          recode(column.codes, (levels[f] as Labels).ofAll(column.dictionary), rows, out, feature.name);
        } else {
          if (edges[f] === undefined) {
            const chosen = quantileEdges(column.values, bins);
            if (chosen.length > 0 || column.values.some(Number.isFinite)) edges[f] = chosen;
          }
          binRows(column.values, edges[f] ?? [], rows, out);
        }
        return out;
      });
      // One tally per feature over the intersection cells of the sensitive columns, summed into each pair's table
      // afterwards; per pair over the rows only when the cells would be too many (see intersection-cells.ts).
      const cells = cellsOf(groupCodes, groups.map((labels) => labels.list.length), rows, (cellCodes = scratch(cellCodes, rows)), maxCells);
      features.forEach((feature, f) => {
        const column = batch.features[f] as FeatureValues;
        const level = levelCodes[f] as Int32Array;
        const levelCount = feature.kind === 'category' ? (levels[f] as Labels).list.length : (edges[f]?.length ?? 0) + 1;
        const tallied = cells !== undefined && levelCount * cells.count <= Math.max(rows, maxCells);
        if (tallied) {
          if (tally.length < levelCount * cells.count) tally = new Float64Array(Math.max(levelCount * cells.count, tally.length * 2));
          if (column.kind === 'category') tallyCells(level, cellCodes, rows, cells.count, levelCount, tally);
          else {
            if (cellN.length < cells.count) {
              cellN = new Float64Array(cells.count);
              cellMean = new Float64Array(cells.count);
              cellM2 = new Float64Array(cells.count);
            }
            tallyCellMoments(level, cellCodes, column.values, rows, cells.count, levelCount, tally, { n: cellN, mean: cellMean, m2: cellM2 });
          }
        }
        sensitive.forEach((_, s) => {
          const table = tables[f]?.[s] as PairTable;
          table.reserve(levelCount, (groups[s] as Labels).list.length);
          if (tallied) {
            const groupOf = cells.groupOf[s] as Int32Array;
            table.addTally(tally, levelCount, cells.count, groupOf);
            if (column.kind === 'number') table.combineCells(cellN, cellMean, cellM2, cells.count, groupOf);
            return;
          }
          const group = groupCodes[s] as Int32Array;
          if (column.kind === 'number') table.countNumberRows(level, group, column.values, rows);
          else table.countRows(level, group, rows);
        });
      });
    },
    merge(other) {
      if (other === profile) throw new TypeError('a profile cannot be merged into itself');
      const describe = (p: ProxyProfile): string => JSON.stringify([p.features, p.sensitive]);
      if (describe(other) !== describe(profile)) throw new TypeError('cannot merge proxy profiles over different features or sensitive columns');
      const otherEdges = other.edges();
      features.forEach((feature, f) => {
        const theirs = otherEdges.get(feature.name);
        if (theirs === undefined) return;
        const ours = edges[f];
        if (ours === undefined) edges[f] = [...theirs];
        else if (ours.length !== theirs.length || ours.some((edge, i) => edge !== theirs[i])) {
          throw new TypeError(`cannot merge proxy profiles whose bins of "${feature.name}" differ; give both the same binEdges`);
        }
      });
      for (const pair of other.pairs()) {
        const f = features.findIndex((feature) => feature.name === pair.feature.name);
        const s = sensitive.indexOf(pair.sensitive);
        const table = tables[f]?.[s] as PairTable;
        const groupIndex = pair.groups.map((value) => (groups[s] as Labels).of(value));
        pair.table.forEach((row, level) => {
          const into = pair.feature.kind === 'category' ? (levels[f] as Labels).of(pair.levels[level] as string) : level;
          row.forEach((count, g) => {
            if (count > 0) table.add(into, groupIndex[g] as number, count);
          });
        });
        const m = pair.moments;
        if (m !== undefined) groupIndex.forEach((g, i) => table.combine(g, m.n[i] ?? 0, m.mean[i] ?? 0, m.m2[i] ?? 0));
      }
    },
    edges() {
      const map = new Map<string, readonly number[]>();
      features.forEach((feature, f) => {
        const e = edges[f];
        if (feature.kind === 'number' && e !== undefined) map.set(feature.name, [...e]);
      });
      return map;
    },
    pairs() {
      return features.flatMap((feature, f) =>
        sensitive.map((name, s): ProxyPair => {
          const table = tables[f]?.[s] as PairTable;
          const groupLabels = (groups[s] as Labels).list;
          const levelLabels = feature.kind === 'category' ? [...(levels[f] as Labels).list] : binLabels(edges[f] ?? []).slice(0, table.levels);
          return {
            feature,
            sensitive: name,
            levels: levelLabels,
            groups: [...groupLabels],
            table: table.dense(levelLabels.length, groupLabels.length),
            ...(table.withMoments ? { moments: table.moments(groupLabels.length) } : {}),
          };
        }),
      );
    },
  };
  return profile;
}

/** `< e₁`, `[e₁, e₂)`, …, `≥ e_last` (one bin `all` when there is no edge). */
function binLabels(edges: readonly number[]): string[] {
  if (edges.length === 0) return ['all'];
  return [`< ${edges[0]}`, ...edges.slice(1).map((edge, i) => `[${edges[i]}, ${edge})`), `≥ ${edges[edges.length - 1]}`];
}
