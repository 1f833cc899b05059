import type { Prng } from './prng.ts';

/**
 * The synthetic evaluation the release-gate benchmark reads: a credit-style binary classifier scored on people
 * described by three sensitive columns and five features. The score depends on the features (so performance metrics
 * are realistic, neither perfect nor random) and the model deliberately under-scores one group (`race=black`), so the
 * fairness rules have a real disparity to find. Values are rounded when drawn, to the decimals the CSV prints, so the
 * CSV and Parquet files hold exactly the same numbers.
 */

export const RACES = ['white', 'black', 'hispanic', 'asian', 'other'] as const;
export const SEXES = ['female', 'male'] as const;
export const AGE_BANDS = ['18-25', '26-40', '41-60', '61+'] as const;
export const HEADER = ['id', 'y_true', 'y_pred', 'score', 'race', 'sex', 'age_band', 'f1', 'f2', 'f3', 'f4', 'f5'] as const;

const RACE_CDF = [0.58, 0.72, 0.88, 0.96, 1];
const SEX_CDF = [0.49, 1];
const AGE_CDF = [0.15, 0.5, 0.82, 1];
/** f4 looks categorical: a small count (number of open accounts) with a skewed distribution over 0..6. */
const F4_CDF = [0.12, 0.34, 0.58, 0.76, 0.88, 0.95, 1];

/** How the model that produced the scores behaves; the baseline file is an older model with other settings. */
export interface ModelSettings {
  /** Standard deviation of the model's error on the logit scale: larger means lower AUC. */
  readonly noise: number;
  /** Logit shift applied to the scores of `race=black`: the deliberate disparity. */
  readonly disparity: number;
}

export const CANDIDATE: ModelSettings = { noise: 0.9, disparity: 0.6 };
export const BASELINE: ModelSettings = { noise: 0.8, disparity: 0.3 };

/** A block of generated rows, columnar; categorical columns hold indices into the constant value lists above. */
export interface Chunk {
  readonly rows: number;
  readonly firstId: number;
  readonly yTrue: Int32Array;
  readonly yPred: Int32Array;
  readonly score: Float64Array;
  readonly race: Uint8Array;
  readonly sex: Uint8Array;
  readonly ageBand: Uint8Array;
  readonly f1: Float64Array;
  readonly f2: Float64Array;
  readonly f3: Float64Array;
  readonly f4: Int32Array;
  readonly f5: Float64Array;
}

export function allocateChunk(rows: number, firstId: number): Chunk {
  return {
    rows,
    firstId,
    yTrue: new Int32Array(rows),
    yPred: new Int32Array(rows),
    score: new Float64Array(rows),
    race: new Uint8Array(rows),
    sex: new Uint8Array(rows),
    ageBand: new Uint8Array(rows),
    f1: new Float64Array(rows),
    f2: new Float64Array(rows),
    f3: new Float64Array(rows),
    f4: new Int32Array(rows),
    f5: new Float64Array(rows),
  };
}

const round = (x: number, scale: number): number => Math.round(x * scale) / scale;
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Fills `chunk` with the next `chunk.rows` rows drawn from `prng`. */
export function fillChunk(chunk: Chunk, prng: Prng, model: ModelSettings): void {
  for (let i = 0; i < chunk.rows; i++) {
    const race = prng.pick(RACE_CDF);
    const sex = prng.pick(SEX_CDF);
    const age = prng.pick(AGE_CDF);
    // f1: standardised income, rising with age; f2: log-normal loan amount; f3: utilisation in [0, 1);
    // f4: number of open accounts; f5: bimodal payment-history index.
    const f1 = round(prng.normal() + 0.3 * (age - 1.5), 1e4);
    const f2 = round(Math.exp(8 + 0.5 * prng.normal()), 1e2);
    const f3 = round(prng.uniform(), 1e4);
    const f4 = prng.pick(F4_CDF);
    const f5 = round(prng.uniform() < 0.3 ? -1 + 0.5 * prng.normal() : 2 + 0.8 * prng.normal(), 1e4);
    // The true repayment logit: features plus a small genuine difference in base rate between groups.
    const truth = -0.3 + 1.1 * f1 - 0.6 * (Math.log(f2) - 8) - 1.2 * (f3 - 0.5) + 0.15 * (f4 - 2) + 0.35 * f5 - (race === 2 ? 0.15 : 0);
    const yTrue = prng.bernoulli(sigmoid(truth));
    // The model sees the truth through noise and is biased against race=black (index 1) and, mildly, the oldest band.
    const logit = truth + model.noise * prng.normal() - (race === 1 ? model.disparity : 0) - (age === 3 ? 0.2 : 0);
    const score = Math.min(1, Math.max(0, round(sigmoid(logit), 1e6)));
    chunk.race[i] = race;
    chunk.sex[i] = sex;
    chunk.ageBand[i] = age;
    chunk.f1[i] = f1;
    chunk.f2[i] = f2;
    chunk.f3[i] = f3;
    chunk.f4[i] = f4;
    chunk.f5[i] = f5;
    chunk.yTrue[i] = yTrue;
    chunk.score[i] = score;
    chunk.yPred[i] = score >= 0.5 ? 1 : 0;
  }
}
