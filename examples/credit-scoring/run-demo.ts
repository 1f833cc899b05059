/**
 * `npm run demo`: the credit-scoring pipeline's two gates, exactly as CI would run them.
 *
 * 1. Before training, the data gate checks the training extract against data-policy.yaml. It is meant to fail: the
 *    extract carries `arrears_days_12m`, a post-outcome column that leaks the label.
 * 2. Before release, the model gate checks the candidate's evaluation against policy.yaml. It is meant to fail too:
 *    the candidate approves one group far less often, and its attributions (attributions.csv, SHAP values written by
 *    generate.ts) show why: a fifth of its attribution falls on protected attributes, and credit history length is
 *    flagged as a proxy of age.
 * Every report format of each check is written to out/demo/data/ and out/demo/. This script explains the exit codes
 * instead of passing them on to npm.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const example = 'examples/credit-scoring';

const steps = [
  {
    title: 'Data gate: the training extract, before any training is spent on it',
    args: ['check', '--policy', `${example}/data-policy.yaml`, '--data', `${example}/training.csv`, '--report-dir', 'out/demo/data'],
    failed: 'a data rule of severity error failed, so CI would stop the pipeline before training',
  },
  {
    title: 'Release gate: the candidate model, before it may replace production',
    args: [
      'check',
      '--policy', `${example}/policy.yaml`,
      '--data', `${example}/evaluation.csv`,
      '--baseline', `${example}/baseline.csv`,
      '--model-card', `${example}/model-card.yaml`,
      '--waivers', `${example}/waivers.yaml`,
      '--model', 'credit-scoring@2.0.0',
      '--report-dir', 'out/demo',
    ],
    failed: 'a rule of severity error failed, so CI would stop this release',
  },
];

let worst = 0;
for (const [index, step] of steps.entries()) {
  console.log(`${index === 0 ? '' : '\n'}── ${index + 1}. ${step.title}\n`);
  console.log(`$ steward ${step.args.join(' ')}\n`);
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...step.args], { cwd: repo, stdio: 'inherit' });
  const code = result.status ?? 3;
  worst = Math.max(worst, code <= 1 ? 0 : code);
  const reportDir = step.args[step.args.indexOf('--report-dir') + 1] ?? '';
  console.log(
    `\nsteward exited with ${code}: ${code === 0 ? 'the gate passed' : code === 1 ? step.failed : 'the check could not run'}.` +
      (code <= 1 ? ` All report formats are in ${reportDir}/.` : ''),
  );
}
process.exitCode = worst;
