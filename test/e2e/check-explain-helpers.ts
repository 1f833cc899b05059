import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '../../src/stats/random.ts';

/**
 * A small, known world for the explainability end-to-end test. Each applicant has a race (a/b), an income, a tenure
 * and a zip code; the zip code is a proxy of race (90 % of group a live in 10001, 90 % of group b in 20002). Two
 * logistic models score them: `biased` puts its weight on the zip code, `fair` only on income and tenure.
 */
export interface Applicant {
  readonly id: string;
  readonly race: 'a' | 'b';
  readonly income: number;
  readonly tenure: number;
  readonly zip: '10001' | '20002';
}

export interface Model {
  readonly name: string;
  readonly bias: number;
  readonly income: number;
  readonly tenure: number;
  /** Weight on the indicator zip = 10001. */
  readonly zip: number;
}

export const biased: Model = { name: 'biased', bias: -2.5, income: 0.03, tenure: 0.1, zip: 3 };
export const fair: Model = { name: 'fair', bias: -2.5, income: 0.03, tenure: 0.1, zip: 0 };

export function applicants(n: number, seed: number): Applicant[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const race = random.nextDouble() < 0.5 ? 'a' : 'b';
    const local = random.nextDouble() < 0.9;
    return {
      id: `r${String(i).padStart(4, '0')}`,
      race,
      income: Math.round(20 + random.nextDouble() * 60),
      tenure: Math.round(random.nextDouble() * 10),
      zip: (race === 'a') === local ? '10001' : '20002',
    };
  });
}

/** The model's log-odds for one applicant (the test server answers with σ of this). */
export function logOdds(model: Model, x: { income: number; tenure: number; zip: string }): number {
  return model.bias + model.income * x.income + model.tenure * x.tenure + model.zip * (x.zip === '10001' ? 1 : 0);
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Writes the evaluation file (y drawn from the model's score), the exact SHAP values of the linear model in log-odds
 * space (w_f · (x_f − mean x_f), so they sum to the log-odds minus its mean), and a policy, into a fresh folder.
 */
export function writeWorld(model: Model, people: readonly Applicant[], policy: string): { dir: string; evaluation: string; attributions: string; policy: string } {
  const dir = mkdtempSync(join(tmpdir(), `steward-explain-${model.name}-`));
  const random = createRandom(7);
  const mean = (f: (a: Applicant) => number): number => people.reduce((sum, a) => sum + f(a), 0) / people.length;
  const incomeMean = mean((a) => a.income);
  const tenureMean = mean((a) => a.tenure);
  const zipMean = mean((a) => (a.zip === '10001' ? 1 : 0));
  const evaluation = ['row_id,race,income,tenure,zip,y,score'];
  const shap = ['row_id,income,zip,tenure,race'];
  for (const a of people) {
    const score = sigmoid(logOdds(model, a));
    const y = random.nextDouble() < score ? 1 : 0;
    evaluation.push(`${a.id},${a.race},${a.income},${a.tenure},${a.zip},${y},${score.toFixed(6)}`);
    shap.push([a.id, model.income * (a.income - incomeMean), model.zip * ((a.zip === '10001' ? 1 : 0) - zipMean), model.tenure * (a.tenure - tenureMean), 0].map(String).join(','));
  }
  const files = { dir, evaluation: join(dir, 'evaluation.csv'), attributions: join(dir, 'attributions.csv'), policy: join(dir, 'policy.yaml') };
  writeFileSync(files.evaluation, `${evaluation.join('\n')}\n`);
  writeFileSync(files.attributions, `${shap.join('\n')}\n`);
  writeFileSync(files.policy, policy);
  return files;
}
