import type { Interval } from '../../core/index.ts';
import { criticalValue, normalCdf } from '../normal.ts';
import { wilsonInterval } from '../wilson.ts';

export interface MissingRateChange {
  readonly referenceRate: number;
  readonly currentRate: number;
  /** currentRate − referenceRate. */
  readonly change: number;
  /** Newcombe's hybrid score interval for the change. */
  readonly interval: Interval | undefined;
  /** Two-sided p-value of the pooled two-proportion z-test. */
  readonly pValue: number;
}

interface Counted {
  readonly count: number;
  readonly missing: number;
}

/**
 * Change in the missing share of a column: Δ = m_c/n_c − m_r/n_r, where n counts all rows (missing included).
 * Ideal value 0. Test: pooled two-proportion z-test, p̂ = (m_r + m_c)/(n_r + n_c),
 * z = Δ / √(p̂(1 − p̂)(1/n_r + 1/n_c)), p = 2(1 − Φ(|z|)); p = 1 when p̂ is 0 or 1 (no variation, no evidence).
 * Interval: Newcombe (1998) method 10 from the two Wilson intervals (l, u):
 * [Δ − √((p_c − l_c)² + (u_r − p_r)²), Δ + √((u_c − p_c)² + (p_r − l_r)²)]. NaN rates, change and p-value (and no
 * interval) when either side has no rows.
 */
export function missingRateChange(reference: Counted, current: Counted, confidence = 0.95): MissingRateChange {
  const nr = reference.count + reference.missing;
  const nc = current.count + current.missing;
  const pr = reference.missing / nr;
  const pc = current.missing / nc;
  const change = pc - pr;
  if (nr === 0 || nc === 0) return { referenceRate: pr, currentRate: pc, change: Number.NaN, interval: undefined, pValue: Number.NaN };
  const pooled = (reference.missing + current.missing) / (nr + nc);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nr + 1 / nc));
  const pValue = se > 0 ? Math.min(1, 2 * (1 - normalCdf(Math.abs(change) / se))) : 1;
  const z = criticalValue(confidence);
  const wr = wilsonInterval(pr, nr, z, confidence);
  const wc = wilsonInterval(pc, nc, z, confidence);
  const interval =
    wr === undefined || wc === undefined
      ? undefined
      : {
          low: change - Math.sqrt((pc - wc.low) ** 2 + (wr.high - pr) ** 2),
          high: change + Math.sqrt((wc.high - pc) ** 2 + (pr - wr.low) ** 2),
          level: confidence,
          method: 'newcombe' as const,
        };
  return { referenceRate: pr, currentRate: pc, change, interval, pValue };
}
