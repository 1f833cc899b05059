import type { Random } from './random.ts';

/**
 * Exact binomial and multinomial sampling for the bootstrap on sufficient statistics (resampling n rows with
 * replacement is a multinomial draw over the cells the rows fall in).
 *
 * Binomial(n, p) uses the two algorithms of Kachitvichyanukul & Schmeiser (1988), as numpy does, both exact:
 * - when n·min(p, 1−p) < 30, inversion of the CDF by sequential search (expected O(n·p) steps, small here);
 * - otherwise BTPE (triangle / parallelogram / exponential-tail rejection with squeeze and Stirling-series
 *   acceptance), whose expected cost is bounded independently of n, so a draw for n = 10⁷ costs about as much as
 *   one for n = 100.
 * p > 1/2 is handled by drawing for 1 − p and reflecting.
 */
export function sampleBinomial(random: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const r = p <= 0.5 ? p : 1 - p;
  const x = n * r < 30 ? inversion(random, n, r) : btpe(random, n, r);
  return p <= 0.5 ? x : n - x;
}

function inversion(random: Random, n: number, p: number): number {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log(q));
  const np = n * p;
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  for (;;) {
    let x = 0;
    let px = qn;
    let u = random.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) break; // numerically lost in the far tail: restart with a fresh uniform
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
    if (x <= bound) return x;
  }
}

/** Stirling-series correction term of log(k!) used by BTPE's final acceptance test. */
function stirling(k: number): number {
  const k2 = k * k;
  return (13860 - (462 - (132 - (99 - 140 / k2) / k2) / k2) / k2) / k / 166320;
}

function btpe(random: Random, n: number, r: number): number {
  const q = 1 - r;
  const nrq = n * r * q;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(nrq) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  for (;;) {
    const u = random.nextDouble() * p4;
    let v = random.nextDouble();
    let y: number;
    if (u <= p1) {
      // triangular centre: accepted at once
      return Math.floor(xm - p1 * v + u);
    } else if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + Math.log(v) / laml);
      if (y < 0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - Math.log(v) / lamr);
      if (y > n) continue;
      v = v * (u - p3) * lamr;
    }
    const k = Math.abs(y - m);
    if (k <= 20 || k >= nrq / 2 - 1) {
      // explicit evaluation of f(y)/f(m) by the recurrence
      const s = r / q;
      const as = s * (n + 1);
      let f = 1;
      if (m < y) for (let i = m + 1; i <= y; i++) f *= as / i - s;
      else if (m > y) for (let i = y + 1; i <= m; i++) f /= as / i - s;
      if (v <= f) return y;
      continue;
    }
    // squeeze on log(v), then the exact comparison through Stirling's formula
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.1666666666666667) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const logV = Math.log(v);
    if (logV < t - rho) return y;
    if (logV > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound =
      xm * Math.log(f1 / x1) +
      (n - m + 0.5) * Math.log(z / w) +
      (y - m) * Math.log((w * r) / (x1 * q)) +
      stirling(f1) +
      stirling(z) +
      stirling(x1) +
      stirling(w);
    if (logV <= bound) return y;
  }
}

/**
 * Multinomial(n, probabilities ∝ counts) into `out`, by the conditional-binomial method: cell i gets
 * Binomial(remaining n, count_i / remaining count). Exact; cost is one binomial per non-empty cell.
 */
export function sampleMultinomial(
  random: Random,
  n: number,
  counts: Float64Array,
  from: number,
  length: number,
  out: Float64Array,
): void {
  let remainingCount = 0;
  for (let i = 0; i < length; i++) remainingCount += counts[from + i] ?? 0;
  let remaining = n;
  for (let i = 0; i < length; i++) {
    const count = counts[from + i] ?? 0;
    if (remaining <= 0 || count <= 0) {
      out[i] = 0;
    } else if (count >= remainingCount) {
      out[i] = remaining;
      remaining = 0;
    } else {
      const drawn = sampleBinomial(random, remaining, count / remainingCount);
      out[i] = drawn;
      remaining -= drawn;
    }
    remainingCount -= count;
  }
}
