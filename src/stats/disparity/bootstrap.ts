import type { Interval } from '../../core/index.ts';
import { sampleBinomial, sampleMultinomial } from '../binomial.ts';
import * as L from '../cells/binary-layout.ts';
import { quantileSorted } from '../percentile.ts';
import { createRandom, type Random } from '../random.ts';
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

/** A group's resampling plan: unweighted cell counts and per-row means (and spread) within each cell. */
interface Plan {
  readonly counts: Float64Array;
  readonly meanW: Float64Array;
  readonly n: number;
  /** Scored rows per class (index y), their mean w, mean w·p and standard deviation of w·p. */
  readonly scoredByClass: Float64Array;
  readonly classMeanW: Float64Array;
  readonly classMeanWP: Float64Array;
  readonly classSdWP: Float64Array;
  readonly scored: number;
}

function planOf(stats: Float64Array): Plan {
  const counts = stats.slice(L.B_COUNT, L.B_COUNT + 4);
  const meanW = counts.map((count, k) => (count > 0 ? (stats[L.B_WCOUNT + k] ?? 0) / count : 0));
  const scoredByClass = new Float64Array(2);
  const classMeanW = new Float64Array(2);
  const classMeanWP = new Float64Array(2);
  const classSdWP = new Float64Array(2);
  for (let y = 0; y < 2; y++) {
    let rows = 0;
    let w = 0;
    let wp = 0;
    for (let bin = 0; bin < L.CAL_BINS; bin++) {
      const at = L.B_CAL + 3 * (2 * bin + y);
      rows += stats[at] ?? 0;
      w += stats[at + 1] ?? 0;
      wp += stats[at + 2] ?? 0;
    }
    if (rows === 0) continue;
    scoredByClass[y] = rows;
    classMeanW[y] = w / rows;
    classMeanWP[y] = wp / rows;
    classSdWP[y] = Math.sqrt(Math.max(0, (stats[L.B_WP_SQ + y] ?? 0) / rows - (wp / rows) ** 2));
  }
  const n = counts.reduce((sum, count) => sum + count, 0);
  return { counts, meanW, n, scoredByClass, classMeanW, classMeanWP, classSdWP, scored: stats[L.B_SCORED] ?? 0 };
}

/**
 * Percentile-bootstrap intervals of a grouping's disparities, stratified by group and done on sufficient statistics:
 * resampling a group's n rows with replacement puts a Multinomial(n, cell shares) number of rows in each confusion
 * cell (and, separately, its scored rows fall in each class — see drawCalibration), so a replicate draws those counts and
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
  const drawn = new Float64Array(4);
  const results = tasks.map(() => new Float64Array(replicates));
  for (let rep = 0; rep < replicates; rep++) {
    overall.fill(0);
    plans.forEach((plan, g) => {
      const summary = summaries[g] as Float64Array;
      sampleMultinomial(random, plan.n, plan.counts, 0, 4, drawn);
      for (let k = 0; k < 4; k++) summary[k] = (drawn[k] ?? 0) * (plan.meanW[k] ?? 0);
      if (input.calibration) drawCalibration(random, plan, summary);
      for (let i = 0; i < SUMMARY_LENGTH; i++) overall[i] = (overall[i] ?? 0) + (summary[i] ?? 0);
    });
    tasks.forEach((task, t) => {
      const value = evaluateDisparity(task.definition, task.aggregation, parts[t] ?? [], overall, task.reference).value;
      (results[t] as Float64Array)[rep] = value === null ? Number.NaN : value;
    });
  }
  return results.map((values) => percentileInterval(values, input.level));
}

/**
 * Calibration replicate of one group: the scored rows' class split is Binomial(scored, share of positives); the sum
 * of w·p over the k_y rows drawn from class y is k_y·mean + √k_y·sd·Z (central limit theorem — an approximation,
 * fine for the group sizes a disparity is reported on); their weight is k_y times the class's mean weight.
 */
function drawCalibration(random: Random, plan: Plan, summary: Float64Array): void {
  const positives = sampleBinomial(random, plan.scored, plan.scored > 0 ? (plan.scoredByClass[1] ?? 0) / plan.scored : 0);
  let sumD = 0;
  let weight = 0;
  for (let y = 0; y < 2; y++) {
    const k = y === 1 ? positives : plan.scored - positives;
    if (k === 0) continue;
    const w = k * (plan.classMeanW[y] ?? 0);
    const sumWP = k * (plan.classMeanWP[y] ?? 0) + Math.sqrt(k) * (plan.classSdWP[y] ?? 0) * random.nextGaussian();
    weight += w;
    sumD += sumWP - y * w;
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
