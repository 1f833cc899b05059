import { binOf, DEFAULT_BINS, quantileEdges } from './bin-edges.ts';
import { ContingencyTable, GroupMoments } from './contingency.ts';
import type { FeatureSpec, ProxyBatch } from './proxy-batch.ts';

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
}

/** A dense, insertion-ordered index of labels. */
class Labels {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(label: string): number {
    let at = this.index.get(label);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(label);
      this.index.set(label, at);
    }
    return at;
  }
}

export function createProxyProfile(spec: ProxyProfileSpec): ProxyProfile {
  const features = spec.features.map((f) => ({ name: f.name, kind: f.kind }));
  const sensitive = [...spec.sensitive];
  const bins = spec.bins ?? DEFAULT_BINS;
  const edges = features.map((f) => (spec.binEdges?.[f.name] === undefined ? undefined : [...(spec.binEdges[f.name] as readonly number[])]));
  const levels = features.map(() => new Labels());
  const groups = sensitive.map(() => new Labels());
  const tables = features.map(() => sensitive.map(() => new ContingencyTable()));
  const moments = features.map((f) => sensitive.map(() => (f.kind === 'number' ? new GroupMoments() : undefined)));

  const profile: ProxyProfile = {
    features,
    sensitive,
    add(batch) {
      if (batch.features.length !== features.length || batch.groups.length !== sensitive.length) {
        throw new TypeError('a proxy batch does not have the features and sensitive columns of its profile');
      }
      const groupOfCode = batch.groups.map((_, s) => (batch.groupValues[s] ?? []).map((value) => (groups[s] as Labels).of(value)));
      features.forEach((feature, f) => {
        const column = batch.features[f];
        if (column === undefined || column.kind !== feature.kind) throw new TypeError(`feature "${feature.name}" must be given as ${feature.kind}`);
        const levelOfCode = column.kind === 'category' ? column.dictionary.map((value) => (levels[f] as Labels).of(value)) : [];
        if (column.kind === 'number' && edges[f] === undefined) {
          const chosen = quantileEdges(column.values, bins);
          if (chosen.length > 0 || column.values.some(Number.isFinite)) edges[f] = chosen;
        }
        const featureEdges = edges[f] ?? [];
        for (let row = 0; row < batch.rows; row++) {
          let level: number;
          let x = Number.NaN;
          if (column.kind === 'category') {
            const code = column.codes[row] as number;
            level = code < 0 ? -1 : (levelOfCode[code] as number);
          } else {
            x = column.values[row] as number;
            level = Number.isFinite(x) ? binOf(featureEdges, x) : -1;
          }
          if (level < 0) continue;
          for (let s = 0; s < sensitive.length; s++) {
            const code = (batch.groups[s] as Int32Array)[row] as number;
            if (code < 0) continue;
            const group = (groupOfCode[s] as number[])[code] as number;
            (tables[f]?.[s] as ContingencyTable).add(level, group);
            if (column.kind === 'number') (moments[f]?.[s] as GroupMoments).add(group, x);
          }
        }
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
        const groupIndex = pair.groups.map((value) => (groups[s] as Labels).of(value));
        pair.table.forEach((row, level) => {
          const into = pair.feature.kind === 'category' ? (levels[f] as Labels).of(pair.levels[level] as string) : level;
          row.forEach((count, g) => {
            if (count > 0) (tables[f]?.[s] as ContingencyTable).add(into, groupIndex[g] as number, count);
          });
        });
        const m = pair.moments;
        if (m !== undefined) {
          groupIndex.forEach((g, i) => (moments[f]?.[s] as GroupMoments).combine(g, m.n[i] ?? 0, m.mean[i] ?? 0, m.m2[i] ?? 0));
        }
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
          const table = (tables[f]?.[s] as ContingencyTable);
          const groupLabels = (groups[s] as Labels).list;
          const counted = table.dense();
          const levelLabels = feature.kind === 'category' ? [...(levels[f] as Labels).list] : binLabels(edges[f] ?? []).slice(0, counted.length);
          const dense = levelLabels.map((_, level) => Array.from({ length: groupLabels.length }, (_, g) => counted[level]?.[g] ?? 0));
          const m = moments[f]?.[s];
          const pad = (values: readonly number[]): number[] => groupLabels.map((_, g) => values[g] ?? 0);
          return {
            feature,
            sensitive: name,
            levels: levelLabels,
            groups: [...groupLabels],
            table: dense,
            ...(m === undefined ? {} : { moments: { n: pad(m.n), mean: pad(m.mean), m2: pad(m.m2) } }),
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
