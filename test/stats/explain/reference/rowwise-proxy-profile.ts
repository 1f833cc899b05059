/**
 * The first, row-at-a-time implementation of the proxy profile (one method call per cell, a Map lookup per level),
 * kept as the exact reference for the columnar one in src/stats/explain/proxy-profile.ts: both must produce the same
 * pairs, bit for bit, since they perform the same floating-point operations in the same order per group.
 */
import { binOf, DEFAULT_BINS, quantileEdges, type ProxyPair, type ProxyProfile, type ProxyProfileSpec } from '../../../../src/stats/explain/index.ts';
class ContingencyTable {
  /** counts[level][group]; rows grow as levels and groups appear. */
  readonly counts: Float64Array[] = [];
  groups = 0;

  add(level: number, group: number, count = 1): void {
    while (this.counts.length <= level) this.counts.push(new Float64Array(Math.max(4, this.groups)));
    if (group >= this.groups) this.groups = group + 1;
    let row = this.counts[level] as Float64Array;
    if (row.length <= group) {
      const grown = new Float64Array(Math.max(group + 1, row.length * 2));
      grown.set(row);
      this.counts[level] = grown;
      row = grown;
    }
    row[group] = (row[group] as number) + count;
  }

  /** The table as dense rows of exactly `groups` columns (zeros where nothing was counted). */
  dense(): number[][] {
    return this.counts.map((row) => Array.from({ length: this.groups }, (_, g) => row[g] ?? 0));
  }
}

/**
 * Count, mean and sum of squared deviations (M2) of a numeric feature per group, updated with Welford's algorithm
 * and merged with Chan et al.'s pairwise formula, so η is computed exactly (no binning) and without the cancellation
 * of Σx² − (Σx)²/n on large values.
 */
class GroupMoments {
  readonly n: number[] = [];
  readonly mean: number[] = [];
  readonly m2: number[] = [];

  add(group: number, x: number): void {
    this.ensure(group);
    const n = (this.n[group] as number) + 1;
    const delta = x - (this.mean[group] as number);
    const mean = (this.mean[group] as number) + delta / n;
    this.n[group] = n;
    this.mean[group] = mean;
    this.m2[group] = (this.m2[group] as number) + delta * (x - mean);
  }

  /** Merges another group's (n, mean, M2) into `group` (Chan, Golub & LeVeque 1979). */
  combine(group: number, n: number, mean: number, m2: number): void {
    if (n === 0) return;
    this.ensure(group);
    const na = this.n[group] as number;
    const total = na + n;
    const delta = mean - (this.mean[group] as number);
    this.mean[group] = (this.mean[group] as number) + (delta * n) / total;
    this.m2[group] = (this.m2[group] as number) + m2 + (delta * delta * na * n) / total;
    this.n[group] = total;
  }

  private ensure(group: number): void {
    while (this.n.length <= group) {
      this.n.push(0);
      this.mean.push(0);
      this.m2.push(0);
    }
  }
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

export function createRowwiseProxyProfile(spec: ProxyProfileSpec): ProxyProfile {
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
