/**
 * Slow, literal implementations of the drift statistics on raw arrays: the oracle the property tests compare the
 * profile-based code against. Written from the textbook definitions, sharing no code with src/stats/drift.
 */

/** The fine bucket of x from logarithms (not from the float's bits, as the implementation does). */
export function literalBucket(x: number): number {
  const magnitude = Math.abs(x);
  if (magnitude < 2 ** -60) return 0;
  let exponent = Math.floor(Math.log2(magnitude));
  while (2 ** exponent > magnitude) exponent--;
  while (2 ** (exponent + 1) <= magnitude) exponent++;
  const fraction = Math.floor((magnitude / 2 ** exponent - 1) * 1024);
  const key = (exponent + 60) * 1024 + fraction + 1;
  return x < 0 ? -key : key;
}

const sortedCopy = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** Bins on the reference quantiles: counts of each sample per bin, the literal way. */
export function literalBinCounts(reference: readonly number[], current: readonly number[], bins: number): { r: number[]; c: number[] } {
  const sorted = sortedCopy(reference);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const key = literalBucket(sorted[Math.ceil((i * sorted.length) / bins) - 1] as number);
    if (!edges.includes(key)) edges.push(key);
  }
  const binOf = (x: number): number => edges.filter((edge) => edge < literalBucket(x)).length;
  const r = new Array<number>(edges.length + 1).fill(0);
  const c = new Array<number>(edges.length + 1).fill(0);
  for (const x of reference) r[binOf(x)] = (r[binOf(x)] as number) + 1;
  for (const x of current) c[binOf(x)] = (c[binOf(x)] as number) + 1;
  return { r, c };
}

export function literalPsi(r: readonly number[], c: readonly number[], epsilon = 1e-4): number {
  const nr = r.reduce((s, v) => s + v, 0);
  const nc = c.reduce((s, v) => s + v, 0);
  let total = 0;
  r.forEach((count, i) => {
    const p = Math.max(count / nr, epsilon);
    const q = Math.max((c[i] as number) / nc, epsilon);
    total += (q - p) * Math.log(q / p);
  });
  return total;
}

export function literalJensenShannon(r: readonly number[], c: readonly number[]): number {
  const nr = r.reduce((s, v) => s + v, 0);
  const nc = c.reduce((s, v) => s + v, 0);
  const kl = (p: number[], m: number[]): number => p.reduce((s, pi, i) => (pi === 0 ? s : s + pi * Math.log2(pi / (m[i] as number))), 0);
  const p = r.map((v) => v / nr);
  const q = c.map((v) => v / nc);
  const m = p.map((pi, i) => (pi + (q[i] as number)) / 2);
  return Math.sqrt(Math.max(0, (kl(p, m) + kl(q, m)) / 2));
}

/** D = max over every observed x of |F(x) − G(x)|, counting values ≤ x. */
export function literalKsD(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  for (const x of [...a, ...b]) {
    const f = a.filter((v) => v <= x).length / a.length;
    const g = b.filter((v) => v <= x).length / b.length;
    d = Math.max(d, Math.abs(f - g));
  }
  return d;
}

/** Exact P(D ≥ d_observed) by enumerating every way to split the pooled values into samples of sizes n and m. */
export function literalKsExactP(a: readonly number[], b: readonly number[]): number {
  const pooled = [...a, ...b];
  const n = a.length;
  const observed = literalKsD(a, b);
  let extreme = 0;
  let total = 0;
  const choose = (start: number, picked: number[]): void => {
    if (picked.length === n) {
      const first = picked.map((i) => pooled[i] as number);
      const second = pooled.filter((_, i) => !picked.includes(i));
      total++;
      if (literalKsD(first, second) >= observed - 1e-12) extreme++;
      return;
    }
    for (let i = start; i < pooled.length; i++) choose(i + 1, [...picked, i]);
  };
  choose(0, []);
  return extreme / total;
}

/** W1 = ∫₀¹ |F⁻¹(t) − G⁻¹(t)| dt, integrated exactly between the breakpoints k/n and l/m of the quantile functions. */
export function literalWasserstein(a: readonly number[], b: readonly number[]): number {
  const sa = sortedCopy(a);
  const sb = sortedCopy(b);
  const cuts = [...new Set([...sa.map((_, k) => (k + 1) / sa.length), ...sb.map((_, l) => (l + 1) / sb.length), 0])].sort((x, y) => x - y);
  let total = 0;
  for (let i = 1; i < cuts.length; i++) {
    const lo = cuts[i - 1] as number;
    const hi = cuts[i] as number;
    const mid = (lo + hi) / 2;
    const qa = sa[Math.min(sa.length - 1, Math.floor(mid * sa.length))] as number;
    const qb = sb[Math.min(sb.length - 1, Math.floor(mid * sb.length))] as number;
    total += Math.abs(qa - qb) * (hi - lo);
  }
  return total;
}

export function literalPopulationSd(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

/** Pearson's χ² of the 2 × K table of category counts and its degrees of freedom. */
export function literalChiSquare(reference: readonly string[], current: readonly string[]): { statistic: number; df: number } {
  const categories = [...new Set([...reference, ...current])];
  const n = reference.length + current.length;
  let statistic = 0;
  for (const category of categories) {
    const column = [...reference, ...current].filter((v) => v === category).length;
    for (const sample of [reference, current]) {
      const expected = (sample.length * column) / n;
      const observed = sample.filter((v) => v === category).length;
      statistic += (observed - expected) ** 2 / expected;
    }
  }
  return { statistic, df: categories.length - 1 };
}

/**
 * P(χ²_df > x) by Simpson integration of the density from x to far in the tail, after the substitution t = x + u²
 * (dt = 2u du), which makes the integrand smooth at t = 0 for every df ≥ 2.
 */
export function literalChiSquareSurvival(x: number, df: number): number {
  const k = df / 2;
  let logGammaK = 0;
  // Γ(k) for integer or half-integer k, by the recurrence from Γ(1) = 1 or Γ(1/2) = √π
  for (let z = k - 1; z > 0.25; z--) logGammaK += Math.log(z);
  if (!Number.isInteger(k)) logGammaK += 0.5 * Math.log(Math.PI);
  const density = (t: number): number => (t <= 0 ? (k === 1 ? 0.5 : 0) : Math.exp((k - 1) * Math.log(t) - t / 2 - k * Math.log(2) - logGammaK));
  const integrand = (u: number): number => density(x + u * u) * 2 * u;
  const upper = Math.sqrt(40 * Math.sqrt(2 * df) + 200 + df);
  const steps = 200_000;
  const h = upper / steps;
  let sum = integrand(0) + integrand(upper);
  for (let i = 1; i < steps; i++) sum += integrand(i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

/** BH adjusted p-values straight from the definition: min over every p_j ≥ p_i of m·p_j / rank(p_j), capped at 1. */
export function literalBenjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const sorted = [...pValues].sort((a, b) => a - b);
  return pValues.map((p) => {
    let best = 1;
    sorted.forEach((pj, j) => {
      if (pj >= p) best = Math.min(best, (m * pj) / (j + 1));
    });
    return best;
  });
}
