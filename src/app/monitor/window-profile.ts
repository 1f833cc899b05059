import { createHash } from 'node:crypto';
import type { Digest } from '../../core/index.ts';
import type { Monitor } from '../../policy/monitor/index.ts';
import { CategoricalProfile, NumericProfile, computeMetrics, createEvaluationProfile } from '../../stats/index.ts';
import { WINDOW_PAGE, type DecisionKey, type DecisionSelector, type MonitorStore, type WindowDecision } from '../../store/index.ts';
import { addRows, decisionRow, evaluationBatch } from './decision-rows.ts';
import type { WindowMetrics } from './label-metrics.ts';
import type { DriftProfile, WatchedColumn } from './profile-table.ts';
import { splitModel } from './run-monitor.ts';

/** Where a window's decisions are: a time range, or `size` decisions in arrival order after a key. */
export type WindowSource = { readonly kind: 'time'; readonly from: string; readonly to: string } | { readonly kind: 'count'; readonly after?: DecisionKey; readonly size: number };

export interface StoredWindowProfile {
  readonly rows: number;
  readonly labelled: number;
  readonly profiles: ReadonlyMap<string, DriftProfile>;
  readonly labels?: WindowMetrics;
  readonly first?: DecisionKey;
  readonly last?: DecisionKey;
  /** SHA-256 over every decision's record and label, in window order: what exactly was judged. */
  readonly digest: Digest;
}

/** The decisions a monitor watches: its model, and its version when the monitor names one (`model@version`). */
export function selectorOf(monitor: Monitor): DecisionSelector {
  const [model, version] = splitModel(monitor.model);
  return version === undefined ? { model } : { model, version };
}

/**
 * A window's profile as a merge of page profiles: decisions are read WINDOW_PAGE at a time (keyset pages, with their
 * labels) and each page is added to the window's drift profiles and, when the monitor has labels, to the gate's
 * evaluation profile. Memory is bounded by bins, categories and one page — never by the window — so a large window,
 * a late label or a restart costs one pass over that window only, not over the history.
 */
export async function profileStoredWindow(store: MonitorStore, monitor: Monitor, columns: readonly WatchedColumn[], source: WindowSource): Promise<StoredWindowProfile> {
  const selector = selectorOf(monitor);
  const profiles = new Map<string, DriftProfile>(columns.map((column) => [column.name, column.type === 'number' ? new NumericProfile() : new CategoricalProfile()]));
  const labels = monitor.labels;
  const evaluation = labels === undefined ? undefined : createEvaluationProfile({ task: 'binary', sensitive: labels.sensitive });
  const groupValues = (labels?.sensitive ?? []).map((): string[] => []);
  const hash = createHash('sha256');
  let rows = 0;
  let labelled = 0;
  let first: DecisionKey | undefined;
  let last: DecisionKey | undefined;
  let timeAfter: { decidedAt: string; id: string } | undefined;
  for (;;) {
    const want = source.kind === 'count' ? Math.min(WINDOW_PAGE, source.size - rows) : WINDOW_PAGE;
    if (want <= 0) break;
    const page: WindowDecision[] =
      source.kind === 'time' ? await store.decisionsInTime(selector, source.from, source.to, timeAfter, want) : await store.decisionsInOrder(selector, last ?? source.after, want);
    if (page.length === 0) break;
    const tableRows = page.map(decisionRow);
    for (const column of columns) addRows(profiles.get(column.name) as DriftProfile, column.name, tableRows);
    if (evaluation !== undefined && labels !== undefined) evaluation.add(evaluationBatch(tableRows, labels, groupValues));
    for (const decision of page) {
      hash.update(decision.record).update('\n').update(decision.label ?? '').update('\n');
      if (decision.label !== undefined) labelled++;
    }
    rows += page.length;
    const end = page[page.length - 1] as WindowDecision;
    first ??= (page[0] as WindowDecision).key;
    last = end.key;
    timeAfter = { decidedAt: end.decidedAt, id: end.id };
    if (page.length < want) break;
  }
  const coverage = rows === 0 ? 0 : labelled / rows;
  const metrics =
    evaluation === undefined || labels === undefined
      ? undefined
      : { metrics: computeMetrics(evaluation, { confidence: 0.95, minGroupSize: 30, seed: 0, bootstrapSamples: 0, intersections: false }), rows, coverage, provisional: coverage < labels.minCoverage };
  return { rows, labelled, profiles, ...(metrics === undefined ? {} : { labels: metrics }), ...(first === undefined ? {} : { first }), ...(last === undefined ? {} : { last }), digest: `sha256:${hash.digest('hex')}` };
}
