import type { Interval } from '../../core/index.ts';
import { sampleMultinomial } from '../binomial.ts';
import * as L from '../cells/binary-layout.ts';
import { quantileSorted } from '../percentile.ts';
import { createRandom } from '../random.ts';
import type { DisparityDefinition } from './definitions.ts';
import { evaluateDisparity, type Reference } from './evaluate.ts';
import { S_SCORED_W, S_SUM_D, SUMMARY_LENGTH } from './summary.ts';

export interface BootstrapTask {
  readonly definition: DisparityDefinition;
  readonly aggregation: 'between_groups' | 'to_overall';
  readonly reference: Reference;
  /** Positions (into `groups`) of the groups taking part in this disparity. */
  readonly takingPart: readonly number[];
}

export interface BootstrapInput {
  /** Statistics of EVERY group of the grouping (they partition the rows; the overall replicate is their sum). */
  readonly groups: readonly Float64Array[];
  readonly tasks: readonly BootstrapTask[];
  readonly replicates: number;
  readonly level: number;
  readonly seed: number;
  /** Whether to resample the calibration cells (only calibration_gap needs them). */
  readonly calibration: boolean;
}

/** A group's resampling plan: unweighted cell counts and the mean weight (and mean w·p) of each cell. */
interface Plan {
  readonly counts: Float64Array;
  readonly meanW: Float64Array;
  readonly n: number;
  readonly calCounts: Float64Array;
  readonly calMeanW: Float64Array;
  readonly calMeanWP: Float64Array;
  readonly scored: number;
}

function planOf(stats: Float64Array): Plan {
  const counts = stats.slice(L.B_COUNT, L.B_COUNT + 4);
  const meanW = counts.map((count, k) => (count > 0 ? (stats[L.B_WCOUNT + k] ?? 0) / count : 0));
  const cells = 2 * L.CAL_BINS;
  const calCounts = new Float64Array(cells);
  const calMeanW = new Float64Array(cells);
  const calMeanWP = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    const count = stats[L.B_CAL + 3 * c] ?? 0;
    calCounts[c] = count;
    calMeanW[c] = count > 0 ? (stats[L.B_CAL + 3 * c + 1] ?? 0) / count : 0;
    calMeanWP[c] = count > 0 ? (stats[L.B_CAL + 3 * c + 2] ?? 0) / count : 0;
  }
  const n = counts.reduce((sum, count) => sum + count, 0);
  return { counts, meanW, n, calCounts, calMeanW, calMeanWP, scored: stats[L.B_SCORED] ?? 0 };
}

/**
 * Percentile-bootstrap intervals of a grouping's disparities, stratified by group and done on sufficient statistics:
 * resampling a group's n rows with replacement puts a Multinomial(n, cell shares) number of rows in each confusion
 * cell (and, separately, each of the 20 calibration cells of its scored rows), so a replicate draws those counts and
 * recomputes every disparity — extremes re-chosen — without touching rows. A drawn cell's weight is its count times
 * the cell's mean weight: exact in distribution for unweighted data, an approximation with weights (the spread of
 * weights within a cell is not resampled). Every task shares the same replicates. An interval is reported when at
 * least half the replicates give a defined value.
 */
export function bootstrapDisparities(input: BootstrapInput): (Interval | undefined)[] {
  const { replicates, tasks } = input;
  if (replicates <= 0 || tasks.length === 0) return tasks.map(() => undefined);
  const random = createRandom(input.seed);
  const plans = input.groups.map(planOf);
  const summaries = plans.map(() => new Float64Array(SUMMARY_LENGTH));
  const parts = tasks.map((task) => task.takingPart.map((g) => summaries[g] as Float64Array));
  const overall = new Float64Array(SUMMARY_LENGTH);
  const drawn = new Float64Array(2 * L.CAL_BINS);
  const results = tasks.map(() => new Float64Array(replicates));
  for (let rep = 0; rep < replicates; rep++) {
    overall.fill(0);
    plans.forEach((plan, g) => {
      const summary = summaries[g] as Float64Array;
      sampleMultinomial(random, plan.n, plan.counts, 0, 4, drawn);
      for (let k = 0; k < 4; k++) summary[k] = (drawn[k] ?? 0) * (plan.meanW[k] ?? 0);
      if (input.calibration) drawCalibration(random, plan, drawn, summary);
      for (let i = 0; i < SUMMARY_LENGTH; i++) overall[i] = (overall[i] ?? 0) + (summary[i] ?? 0);
    });
    tasks.forEach((task, t) => {
      const value = evaluateDisparity(task.definition, task.aggregation, parts[t] ?? [], overall, task.reference).value;
      (results[t] as Float64Array)[rep] = value === null ? Number.NaN : value;
    });
  }
  return results.map((values) => percentileInterval(values, input.level));
}

function drawCalibration(random: ReturnType<typeof createRandom>, plan: Plan, drawn: Float64Array, summary: Float64Array): void {
  const cells = 2 * L.CAL_BINS;
  sampleMultinomial(random, plan.scored, plan.calCounts, 0, cells, drawn);
  let sumD = 0;
  let weight = 0;
  for (let c = 0; c < cells; c++) {
    const k = drawn[c] ?? 0;
    if (k === 0) continue;
    const w = k * (plan.calMeanW[c] ?? 0);
    weight += w;
    sumD += k * (plan.calMeanWP[c] ?? 0) - (c % 2 === 1 ? w : 0);
  }
  summary[S_SUM_D] = sumD;
  summary[S_SCORED_W] = weight;
}

function percentileInterval(values: Float64Array, level: number): Interval | undefined {
  const finite = values.filter((value) => Number.isFinite(value)).sort();
  if (finite.length === 0 || finite.length * 2 < values.length) return undefined;
  const alpha = (1 - level) / 2;
  return { low: quantileSorted(finite, alpha), high: quantileSorted(finite, 1 - alpha), level, method: 'bootstrap' };
}
