import type { ExplainSection, ExplainSlice } from '../core/index.ts';
import { formatInterval, formatPercent, formatValue, groupThousands } from './format-number.ts';

/** One line of the explainability summary: a label and its facts, shared by the text and Markdown reports. */
export interface ExplainLine {
  readonly label: string;
  readonly text: string;
}

/** Associations at or above this Cramér's V are listed in the summary (the rest are in the JSON verdict). */
const listedStrength = 0.3;

/**
 * The verdict's explain block in a few lines a reviewer reads at once: attribution coverage and shares, proxies
 * (declared and detected) with their strongest associations, stability against the baseline, and flip rates per
 * group with their intervals. Every number is in the JSON report too.
 */
export function explainLines(explain: ExplainSection): ExplainLine[] {
  const lines: ExplainLine[] = [];
  const a = explain.attributions;
  if (a !== undefined) {
    lines.push({ label: 'attributions', text: `${groupThousands(a.overall.rows)} rows aligned by ${a.alignment}, coverage ${formatPercent(a.overall.coverage)}, protected share ${formatPercent(a.overall.protectedShare)}, proxy share ${formatPercent(a.overall.proxyShare)}` });
    lines.push({ label: 'importance', text: topFeatures(a.overall, 5) });
  }
  lines.push({ label: 'proxies', text: explain.proxies.length === 0 ? 'none declared or detected' : explain.proxies.join(', ') });
  const strong = [...explain.associations].filter((x) => (x.cramersV ?? 0) >= listedStrength).sort((x, y) => (y.cramersV ?? 0) - (x.cramersV ?? 0));
  if (strong.length > 0) {
    lines.push({
      label: 'associations',
      text: strong.slice(0, 5).map((x) => `${x.feature}~${x.sensitive} Cramér's V ${formatValue(x.cramersV)}${x.importanceRank === null ? '' : ` (rank ${x.importanceRank})`}`).join(' · '),
    });
  }
  const s = explain.stability;
  if (s !== undefined) {
    lines.push({ label: 'stability', text: `top-${s.k} overlap ${formatValue(s.topKOverlap)}, Spearman ${formatValue(s.spearman)}, Kendall τ-b ${formatValue(s.kendallTauB)} against the baseline importance` });
  }
  const f = explain.flips;
  if (f !== undefined) {
    for (const test of f.tests) {
      const groups = test.groups.map((g) => `${test.sensitive}=${g.value} ${formatPercent(g.rate)} of ${groupThousands(g.rows)}${g.interval === undefined ? '' : ` (${formatInterval(g.interval)})`}`);
      const swapped = test.proxies.length === 0 ? '' : ` with ${test.proxies.join(', ')} swapped`;
      lines.push({ label: `flips (${test.sensitive})`, text: `${groups.join(' · ')} — ${groupThousands(f.sampled)} rows sent to ${f.endpoint}${swapped}` });
    }
  }
  return lines;
}

/** `income 52% · zip 41% · …`: the features with the largest share of attribution. */
export function topFeatures(slice: ExplainSlice, count: number): string {
  return [...slice.features].sort((x, y) => y.share - x.share).slice(0, count).map((x) => `${x.feature} ${formatPercent(x.share)}`).join(' · ');
}
