import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { buildBaseline, runMonitor } from '../../src/app/monitor/index.ts';
import { createRandom } from '../../src/stats/random.ts';
import { basicMonitor, tempDir, writeFile } from './helpers.ts';

/** income, age, region, sex, y, p: p equals y except on `errors` of the rows; y is empty on `unlabelled` of them. */
function labelled(dir: string, name: string, rows: number, seed: number, errors: number, unlabelled: number): string {
  const random = createRandom(seed);
  const lines = ['income,age,region,sex,y,p'];
  for (let i = 0; i < rows; i++) {
    const y = random.nextDouble() < 0.5 ? 1 : 0;
    const p = random.nextDouble() < errors ? 1 - y : y;
    const sex = i % 2 === 0 ? 'f' : 'm';
    const label = random.nextDouble() < unlabelled ? '' : String(y);
    lines.push(`${(50 + 10 * random.nextGaussian()).toFixed(3)},${(40 + 8 * random.nextGaussian()).toFixed(2)},${['north', 'south'][i % 2]},${sex},${label},${p}`);
  }
  return writeFile(dir, name, `${lines.join('\n')}\n`);
}

const labels = `labels:
  y_true: y
  y_pred: p
  sensitive: [sex]
  min_coverage: 0.8
  metrics:
    - id: accuracy-floor
      metric: accuracy
      min: 0.9
    - id: parity
      metric: demographic_parity_ratio
      grouping: sex
      min: 0.5
`;

async function run(errors: number, unlabelled: number) {
  const dir = tempDir();
  const monitorFile = writeFile(dir, 'monitor.yaml', basicMonitor(labels));
  const baseline = await buildBaseline({ monitorFile, dataFile: labelled(dir, 'ref.csv', 4_000, 1, 0.05, 0), model: 'm', version: '1' });
  const referenceFile = join(dir, 'ref.json');
  writeFileSync(referenceFile, baseline.text);
  return runMonitor({ monitorFile, referenceFile, currentFile: labelled(dir, 'cur.csv', 4_000, 2, errors, unlabelled) });
}

test('with labels the window gets the gate\'s accuracy and fairness metrics, and a rule fails below its bound', async () => {
  const good = await run(0.02, 0);
  const accuracy = good.verdict.findings.find((f) => f.ruleId === 'accuracy-floor');
  assert.equal(accuracy?.status, 'pass');
  assert.ok(Math.abs((accuracy?.value ?? 0) - 0.98) < 0.02);
  assert.equal(good.verdict.findings.find((f) => f.ruleId === 'parity')?.status, 'pass');
  assert.ok(good.verdict.metrics.overall.metrics.accuracy !== undefined);
  const bad = await run(0.3, 0);
  assert.equal(bad.verdict.findings.find((f) => f.ruleId === 'accuracy-floor')?.status, 'fail');
});

test('a window whose label coverage is below min_coverage is provisional: a firing rule only warns and says why', async () => {
  const partial = await run(0.3, 0.5);
  const accuracy = partial.verdict.findings.find((f) => f.ruleId === 'accuracy-floor');
  assert.equal(accuracy?.status, 'warn');
  assert.match(accuracy?.message ?? '', /provisional: label coverage 0\.\d+ < 0\.8/);
  assert.equal(accuracy?.evidence?.provisional, true);
});
