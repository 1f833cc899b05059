/**
 * The statistics of one feature × sensitive column pair, in flat typed arrays so a batch is counted by one tight loop
 * per pair (no method call, no allocation per row):
 *
 * - a growable r × c table of counts, `counts[level · stride + group]` (rows = levels of the feature, columns =
 *   groups), the sufficient statistic of Cramér's V and mutual information; cells merge by addition;
 * - for number features, the count, mean and sum of squared deviations (M2) of the raw values per group, merged with
 *   Chan et al.'s pairwise formula from per-batch cell moments (or updated row by row with Welford's algorithm when a
 *   batch has too many cells), so η is exact (no binning) and free of the cancellation of Σx² − (Σx)²/n on large
 *   values.
 *
 * Levels and groups are indices assigned by the owner (the proxy profile).
 */
export class PairTable {
  counts: Float64Array = new Float64Array(0);
  /** Group capacity: the row length of `counts` and the length of the moment arrays. */
  stride = 0;
  private levelCapacity = 0;
  /** 1 + the highest level counted so far (0 before any count). */
  levels = 0;
  n: Float64Array = new Float64Array(0);
  mean: Float64Array = new Float64Array(0);
  m2: Float64Array = new Float64Array(0);

  readonly withMoments: boolean;

  constructor(withMoments: boolean) {
    this.withMoments = withMoments;
  }

  /** Makes room for levels [0, levels) and groups [0, groups) before a batch is counted. */
  reserve(levels: number, groups: number): void {
    if (levels <= this.levelCapacity && groups <= this.stride) return;
    const stride = groups <= this.stride ? this.stride : Math.max(4, groups, this.stride * 2);
    const levelCapacity = Math.max(levels, this.levelCapacity);
    const counts = new Float64Array(levelCapacity * stride);
    for (let level = 0; level < this.levels; level++) {
      counts.set(this.counts.subarray(level * this.stride, (level + 1) * this.stride), level * stride);
    }
    this.counts = counts;
    if (this.withMoments && stride > this.stride) {
      this.n = grown(this.n, stride);
      this.mean = grown(this.mean, stride);
      this.m2 = grown(this.m2, stride);
    }
    this.stride = stride;
    this.levelCapacity = levelCapacity;
  }

  /** Adds `count` rows to one cell (used by merge; batches use countRows / countNumberRows). */
  add(level: number, group: number, count: number): void {
    this.reserve(level + 1, group + 1);
    const at = level * this.stride + group;
    this.counts[at] = (this.counts[at] as number) + count;
    if (level >= this.levels) this.levels = level + 1;
  }

  /** Counts rows by (level, group); a negative level or group (missing) is not counted. `reserve` first. */
  countRows(level: Int32Array, group: Int32Array, rows: number): void {
    const counts = this.counts;
    const stride = this.stride;
    let top = this.levels - 1;
    for (let row = 0; row < rows; row++) {
      const l = level[row] as number;
      const g = group[row] as number;
      if ((l | g) < 0) continue;
      const at = l * stride + g;
      counts[at] = (counts[at] as number) + 1;
      if (l > top) top = l;
    }
    this.levels = top + 1;
  }

  /**
   * countRows plus the Welford update of the group's moments with each counted value x. The operations per group are
   * those of a row-at-a-time Welford update in row order, so results do not depend on how rows are batched.
   */
  countNumberRows(level: Int32Array, group: Int32Array, values: Float64Array, rows: number): void {
    const { counts, stride, n, mean, m2 } = this;
    let top = this.levels - 1;
    for (let row = 0; row < rows; row++) {
      const l = level[row] as number;
      const g = group[row] as number;
      if ((l | g) < 0) continue;
      const at = l * stride + g;
      counts[at] = (counts[at] as number) + 1;
      if (l > top) top = l;
      const x = values[row] as number;
      const k = (n[g] as number) + 1;
      const delta = x - (mean[g] as number);
      const next = (mean[g] as number) + delta / k;
      n[g] = k;
      mean[g] = next;
      m2[g] = (m2[g] as number) + delta * (x - next);
    }
    this.levels = top + 1;
  }

  /**
   * Adds a batch's (level, cell) tally (see intersection-cells.ts) into this pair's table: each cell's counts go to
   * the cell's group in this pair's sensitive column (`groupOf`), cells where that column is missing are not counted.
   * `reserve` first.
   */
  addTally(tally: Float64Array, levels: number, cells: number, groupOf: Int32Array): void {
    const { counts, stride } = this;
    let top = this.levels - 1;
    for (let l = 0; l < levels; l++) {
      for (let c = 0; c < cells; c++) {
        const k = tally[l * cells + c] as number;
        const g = groupOf[c] as number;
        if (k === 0 || g < 0) continue;
        const at = l * stride + g;
        counts[at] = (counts[at] as number) + k;
        if (l > top) top = l;
      }
    }
    this.levels = top + 1;
  }

  /** Combines a batch's per-cell moments into the moments of each cell's group, cells in order (see addTally). */
  combineCells(n: Float64Array, mean: Float64Array, m2: Float64Array, cells: number, groupOf: Int32Array): void {
    for (let c = 0; c < cells; c++) {
      const g = groupOf[c] as number;
      if (g >= 0) this.combine(g, n[c] as number, mean[c] as number, m2[c] as number);
    }
  }

  /** Merges another group's (n, mean, M2) into `group` (Chan, Golub & LeVeque 1979). */
  combine(group: number, n: number, mean: number, m2: number): void {
    if (n === 0) return;
    this.reserve(this.levels, group + 1);
    const na = this.n[group] as number;
    const total = na + n;
    const delta = mean - (this.mean[group] as number);
    this.mean[group] = (this.mean[group] as number) + (delta * n) / total;
    this.m2[group] = (this.m2[group] as number) + m2 + (delta * delta * na * n) / total;
    this.n[group] = total;
  }

  /** counts[level][group] for levels [0, levels) and groups [0, groups), zeros where nothing was counted. */
  dense(levels: number, groups: number): number[][] {
    return Array.from({ length: levels }, (_, level) =>
      Array.from({ length: groups }, (_, g) => (level < this.levels && g < this.stride ? (this.counts[level * this.stride + g] as number) : 0)),
    );
  }

  /** The moments of groups [0, groups), zeros for groups never seen. */
  moments(groups: number): { n: number[]; mean: number[]; m2: number[] } {
    const pad = (values: Float64Array): number[] => Array.from({ length: groups }, (_, g) => (g < values.length ? (values[g] as number) : 0));
    return { n: pad(this.n), mean: pad(this.mean), m2: pad(this.m2) };
  }
}

function grown(values: Float64Array, length: number): Float64Array {
  const next = new Float64Array(length);
  next.set(values);
  return next;
}
