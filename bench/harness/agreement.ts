import { readFileSync } from 'node:fs';

/**
 * A speed comparison is only honest if both sides computed the same numbers. These helpers flatten `steward check`'s
 * JSON report and the pandas peer's output into `name → point estimate` maps (every slice metric of every group, of
 * the evaluation and of the baseline, and every disparity, matched by metric, grouping and aggregation) and compare
 * two such maps on the names they share: check vs peer, and check on CSV vs check on Parquet.
 */
export interface Agreement {
  readonly compared: number;
  readonly maxAbsDiff: number;
  /** The largest differences, `name: a vs b`, for the report. */
  readonly worst: readonly string[];
}

type Values = Map<string, number>;

type PeerSlices = Record<string, { readonly metrics: Record<string, number | null> }>;

interface PeerOutput {
  readonly groups: PeerSlices;
  readonly disparities: Record<string, number>;
  readonly baseline?: { readonly groups: PeerSlices; readonly disparities: Record<string, number> } | null;
}

interface StewardSlice {
  readonly key: string;
  readonly metrics: Record<string, { readonly value: number | null }>;
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

export function stewardValues(reportFile: string): Values {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { metrics?: StewardMetrics; baseline?: StewardMetrics };
  if (report.metrics?.overall === undefined || !Array.isArray(report.metrics.groups)) {
    throw new Error(`${reportFile}: no metrics section (expected metrics.overall and metrics.groups)`);
  }
  const values: Values = new Map();
  const add = (section: StewardMetrics, prefix: string): void => {
    for (const slice of [section.overall, ...section.groups]) {
      for (const [name, metric] of Object.entries(slice.metrics)) {
        if (typeof metric.value === 'number') values.set(`${prefix}${slice.key} ${name}`, metric.value);
      }
    }
    for (const d of section.disparities) {
      if (typeof d.value === 'number') values.set(`${prefix}${d.metric} ${d.grouping.join('&')} ${d.aggregation}`, d.value);
    }
  };
  add(report.metrics, '');
  if (report.baseline?.overall !== undefined) add(report.baseline, 'baseline ');
  return values;
}

export function peerValues(outputFile: string): Values {
  const peer = JSON.parse(readFileSync(outputFile, 'utf8')) as PeerOutput;
  const values: Values = new Map();
  const add = (slices: PeerSlices, disparities: Record<string, number>, prefix: string): void => {
    for (const [key, slice] of Object.entries(slices)) {
      for (const [name, value] of Object.entries(slice.metrics)) {
        if (typeof value === 'number') values.set(`${prefix}${key} ${name}`, value);
      }
    }
    for (const [name, value] of Object.entries(disparities)) values.set(`${prefix}${name.split('|').join(' ')}`, value);
  };
  add(peer.groups, peer.disparities, '');
  if (peer.baseline != null) add(peer.baseline.groups, peer.baseline.disparities, 'baseline ');
  return values;
}

export function compareValues(a: Values, b: Values): Agreement {
  const ranked = [...a]
    .flatMap(([name, x]) => {
      const y = b.get(name);
      return y === undefined ? [] : [{ name, x, y, diff: Math.abs(x - y) }];
    })
    .sort((p, q) => q.diff - p.diff);
  return {
    compared: ranked.length,
    maxAbsDiff: ranked[0]?.diff ?? Number.NaN,
    worst: ranked.slice(0, 3).map((r) => `${r.name}: ${r.x} vs ${r.y}`),
  };
}
