import { readFileSync } from 'node:fs';

/**
 * A speed comparison is only honest if both sides computed the same numbers. This compares the point estimates of
 * `steward check`'s JSON report with the pandas peer's output: every slice metric of every group both have (of the
 * evaluation and of the baseline), and every disparity both have (matched by metric, grouping and aggregation).
 */
export interface Agreement {
  readonly compared: number;
  readonly maxAbsDiff: number;
  /** The largest differences, `name: steward vs peer`, for the report. */
  readonly worst: readonly string[];
}

type PeerSlices = Record<string, { readonly metrics: Record<string, number | null> }>;

interface PeerOutput {
  readonly groups: PeerSlices;
  readonly disparities: Record<string, number>;
  readonly baseline?: { readonly groups: PeerSlices } | null;
}

interface StewardMetricValue {
  readonly value: number | null;
}
interface StewardSlice {
  readonly key: string;
  readonly metrics: Record<string, StewardMetricValue>;
}
interface StewardDisparity {
  readonly metric: string;
  readonly grouping: readonly string[];
  readonly aggregation: string;
  readonly value: number | null;
}
interface StewardMetrics {
  readonly overall: StewardSlice;
  readonly groups: readonly StewardSlice[];
  readonly disparities: readonly StewardDisparity[];
}

export function compareWithPeer(stewardReport: string, peerOutput: string): Agreement {
  const report = JSON.parse(readFileSync(stewardReport, 'utf8')) as { baseline?: StewardMetrics };
  const steward = findMetrics(report);
  const peer = JSON.parse(readFileSync(peerOutput, 'utf8')) as PeerOutput;
  const pairs: [string, number, number][] = [];
  const compareSlices = (slices: readonly StewardSlice[], peerSlices: PeerSlices, prefix: string): void => {
    for (const slice of slices) {
      const peerSlice = peerSlices[slice.key];
      if (peerSlice === undefined) continue;
      for (const [name, metric] of Object.entries(slice.metrics)) {
        const other = peerSlice.metrics[name];
        if (typeof metric.value === 'number' && typeof other === 'number') pairs.push([`${prefix}${slice.key} ${name}`, metric.value, other]);
      }
    }
  };
  compareSlices([steward.overall, ...steward.groups], peer.groups, '');
  if (report.baseline?.overall !== undefined && peer.baseline != null) {
    compareSlices([report.baseline.overall, ...report.baseline.groups], peer.baseline.groups, 'baseline ');
  }
  for (const d of steward.disparities) {
    const other = peer.disparities[`${d.metric}|${d.grouping.join('&')}|${d.aggregation}`];
    if (typeof d.value === 'number' && typeof other === 'number') pairs.push([`${d.metric} ${d.grouping.join('&')} ${d.aggregation}`, d.value, other]);
  }
  const ranked = pairs.map(([name, a, b]) => ({ name, a, b, diff: Math.abs(a - b) })).sort((x, y) => y.diff - x.diff);
  return {
    compared: ranked.length,
    maxAbsDiff: ranked[0]?.diff ?? Number.NaN,
    worst: ranked.slice(0, 3).map((r) => `${r.name}: ${r.a} vs ${r.b}`),
  };
}

/** The JSON report is the verdict; accept it at the top level or under `verdict`. */
function findMetrics(report: unknown): StewardMetrics {
  const candidates = [report, (report as { verdict?: unknown } | null)?.verdict];
  for (const candidate of candidates) {
    const metrics = (candidate as { metrics?: StewardMetrics } | null | undefined)?.metrics;
    if (metrics?.overall !== undefined && Array.isArray(metrics.groups)) return metrics;
  }
  throw new Error('the steward JSON report has no metrics section (expected verdict.metrics.overall/groups)');
}
