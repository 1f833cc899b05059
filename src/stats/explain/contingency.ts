/**
 * A growable r × c table of counts (rows = levels of a feature, columns = groups of a sensitive column), the
 * sufficient statistic of Cramér's V and mutual information. Levels and groups are indices assigned by the owner;
 * cells merge by addition.
 */
export class ContingencyTable {
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
export class GroupMoments {
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
