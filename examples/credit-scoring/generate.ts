/**
 * Generates the credit-scoring example: the training set the next model is to be trained on, an evaluation set of a
 * loan-approval model and the evaluation of the model it replaces (the production baseline). Seeded, so the committed
 * CSV files are reproducible byte for byte:
 *   node examples/credit-scoring/generate.ts
 *
 * The world it simulates: repayment depends on income, debt-to-income ratio, credit history and late payments. The
 * candidate model learned a penalty for applicants recorded as race=black that the repayment data does not justify
 * (historical bias in its training labels), so it approves them far less often — the disparity the demo's policy
 * catches. It also under-approves the youngest age band, a known and waived issue.
 */
import { writeFileSync } from 'node:fs';

/** splitmix32-style generator: small, fast, and identical on every platform. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

function normal(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

function pick<T>(next: () => number, items: readonly (readonly [T, number])[]): T {
  let roll = next();
  for (const [item, share] of items) {
    roll -= share;
    if (roll < 0) return item;
  }
  const last = items.at(-1);
  if (last === undefined) throw new RangeError('pick needs at least one item');
  return last[0];
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

interface Model {
  readonly raceBias: Readonly<Record<string, number>>;
  readonly youngBias: number;
  readonly noise: number;
}

const candidate: Model = { raceBias: { black: -1.15 }, youngBias: -0.55, noise: 0.3 };
const production: Model = { raceBias: { black: -0.25 }, youngBias: -0.2, noise: 0.6 };

/**
 * One applicant of the simulated population and the truth about them: repayment depends on finances only. Both the
 * evaluation sets and the training extract draw applicants here, in the same order of random draws.
 */
function applicant(next: () => number) {
  const ageBand = pick(next, [['18-25', 0.16], ['26-40', 0.38], ['41-60', 0.33], ['61+', 0.13]] as const);
  const sex = pick(next, [['female', 0.49], ['male', 0.51]] as const);
  const race = pick(next, [['white', 0.6], ['black', 0.13], ['hispanic', 0.15], ['asian', 0.08], ['other', 0.04]] as const);
  const ageYears = { '18-25': 3, '26-40': 10, '41-60': 22, '61+': 30 }[ageBand];
  const income = Math.round(Math.exp(10.6 + 0.45 * normal(next) + (ageBand === '18-25' ? -0.35 : 0)));
  const debtToIncome = Math.min(0.95, Math.max(0.01, 0.32 + 0.14 * normal(next)));
  const history = Math.max(0, Math.round(ageYears * (0.5 + next())));
  const accounts = Math.max(0, Math.round(3 + 2 * normal(next)));
  const late = Math.max(0, Math.round(Math.abs(normal(next)) * 1.4 - 0.5));
  const merit = 0.9 * Math.log(income / 40000) - 4.2 * (debtToIncome - 0.32) + 0.04 * history - 0.75 * late + 1.1;
  const repaid = next() < sigmoid(merit) ? 1 : 0;
  return { ageBand, sex, race, income, debtToIncome, history, accounts, late, merit, repaid };
}

function generate(rows: number, seed: number, model: Model): string {
  const next = random(seed);
  const header =
    'application_id,age_band,sex,race,income,debt_to_income,credit_history_years,open_accounts,late_payments_2y,repaid,approved,score';
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const { ageBand, sex, race, income, debtToIncome, history, accounts, late, merit, repaid } = applicant(next);
    // The model sees the same finances, with noise and the biases described above.
    const bias = (model.raceBias[race] ?? 0) + (ageBand === '18-25' ? model.youngBias : 0);
    const score = sigmoid(merit + bias + model.noise * normal(next));
    const approved = score >= 0.5 ? 1 : 0;
    lines.push(
      [`A${String(100000 + i)}`, ageBand, sex, race, income, debtToIncome.toFixed(3), history, accounts, late, repaid, approved, score.toFixed(6)].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The training extract: the same population and truth, no model columns, plus one realistic mistake the data policy
 * catches before any training is spent on it — `arrears_days_12m`, the days in arrears twelve months after the loan
 * was granted, was joined in from the collections system. It is only known AFTER the outcome, so it nearly
 * determines `repaid`: a model trained on it would look excellent offline and be useless at application time.
 * About 2% of incomes are missing, evenly across groups.
 */
function generateTraining(rows: number, seed: number): string {
  const next = random(seed);
  const header =
    'application_id,age_band,sex,race,income,debt_to_income,credit_history_years,open_accounts,late_payments_2y,arrears_days_12m,repaid';
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const { ageBand, sex, race, income, debtToIncome, history, accounts, late, repaid } = applicant(next);
    const arrears = repaid === 1 ? (next() < 0.06 ? Math.round(next() * 25) : 0) : Math.round(20 + next() * 160);
    const incomeText = next() < 0.02 ? '' : String(income);
    lines.push(
      [`T${String(500000 + i)}`, ageBand, sex, race, incomeText, debtToIncome.toFixed(3), history, accounts, late, arrears, repaid].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What each input adds to a model's log-odds for one applicant: the model is additive in log-odds (merit + bias +
 * noise), so its exact SHAP values are each term minus the term's mean over the evaluation rows. The noise is no
 * input, so it is attributed to none (as SHAP leaves it in the base value). Features the model ignores get 0.
 */
const attributionFeatures = ['age_band', 'sex', 'race', 'income', 'debt_to_income', 'credit_history_years', 'open_accounts', 'late_payments_2y'] as const;

function terms(model: Model, a: ReturnType<typeof applicant>): number[] {
  return [
    a.ageBand === '18-25' ? model.youngBias : 0,
    0,
    model.raceBias[a.race] ?? 0,
    0.9 * Math.log(a.income / 40000),
    -4.2 * (a.debtToIncome - 0.32),
    0.04 * a.history,
    0,
    -0.75 * a.late,
  ];
}

/** Per-row attributions of `model` on the evaluation rows (same seed, same draws as generate()), by application id. */
function attributionRows(rows: number, seed: number, model: Model): { ids: string[]; values: number[][] } {
  const next = random(seed);
  const ids: string[] = [];
  const values: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const a = applicant(next);
    normal(next); // the model's noise, drawn as generate() draws it
    ids.push(`A${String(100000 + i)}`);
    values.push(terms(model, a));
  }
  const means = attributionFeatures.map((_, f) => values.reduce((sum, row) => sum + (row[f] ?? 0), 0) / rows);
  return { ids, values: values.map((row) => row.map((value, f) => value - (means[f] ?? 0))) };
}

/** The attributions file: application_id and one column per feature, as `pd.DataFrame(shap_values)` writes it. */
function generateAttributions(rows: number, seed: number, model: Model): string {
  const { ids, values } = attributionRows(rows, seed, model);
  const lines = [['application_id', ...attributionFeatures].join(',')];
  values.forEach((row, i) => lines.push([ids[i], ...row.map((value) => (value === 0 ? '0' : value.toFixed(6)))].join(',')));
  return `${lines.join('\n')}\n`;
}

/** The production model's global importance (mean |attribution| per feature), as its release recorded it. */
function generateImportance(rows: number, seed: number, model: Model): string {
  const { values } = attributionRows(rows, seed, model);
  const lines = ['feature,importance'];
  attributionFeatures.forEach((feature, f) => lines.push(`${feature},${(values.reduce((sum, row) => sum + Math.abs(row[f] ?? 0), 0) / rows).toFixed(6)}`));
  return `${lines.join('\n')}\n`;
}

const here = new URL('.', import.meta.url);
writeFileSync(new URL('training.csv', here), generateTraining(30_000, 20261001));
writeFileSync(new URL('evaluation.csv', here), generate(40_000, 20261126, candidate));
writeFileSync(new URL('baseline.csv', here), generate(40_000, 20261126, production));
writeFileSync(new URL('attributions.csv', here), generateAttributions(40_000, 20261126, candidate));
writeFileSync(new URL('importance-production.csv', here), generateImportance(40_000, 20261126, production));
console.log('wrote examples/credit-scoring/training.csv (30,000 rows), evaluation.csv, baseline.csv and attributions.csv (40,000 rows each), importance-production.csv');
