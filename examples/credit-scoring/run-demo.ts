/**
 * `npm run demo`: runs the release gate on the bundled credit-scoring example exactly as a CI job would, shows the
 * verdict, and writes every report format to out/demo/. The check is meant to fail (the candidate model approves
 * one group far less often), so this script explains the exit code instead of passing it on to npm.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const example = 'examples/credit-scoring';
const args = [
  'check',
  '--policy', `${example}/policy.yaml`,
  '--data', `${example}/evaluation.csv`,
  '--baseline', `${example}/baseline.csv`,
  '--model-card', `${example}/model-card.yaml`,
  '--waivers', `${example}/waivers.yaml`,
  '--model', 'credit-scoring@2.0.0',
  '--report-dir', 'out/demo',
];

console.log(`$ steward ${args.join(' ')}\n`);
const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], { cwd: repo, stdio: 'inherit' });
const code = result.status ?? 3;
console.log(
  [
    '',
    `steward exited with ${code}: ${code === 0 ? 'the release may proceed' : code === 1 ? 'a rule of severity error failed, so CI would stop this release' : 'the check could not run'}.`,
    code <= 1 ? 'All report formats (text, JSON, JUnit, SARIF, Markdown, HTML) are in out/demo/.' : '',
  ].join('\n'),
);
process.exitCode = code <= 1 ? 0 : code;
