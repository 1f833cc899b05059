import { Option, type Command } from 'commander';
import { join } from 'node:path';
import { ciContextFromEnv, datasetVersions, recordVerdict, remoteCheck, remoteCheckAndRecord, runCheck, type CheckRequest } from '../../app/index.ts';
import { defined, type Verdict } from '../../core/index.ts';
import { renderReport, reportFormats, type ReportFormat } from '../../report/index.ts';
import { formatOption, parseIntegerOption, parseListOption, parseNumberOption, parseTimeOption } from '../options.ts';
import { parseOutputTargets, writeAllOrNothing, type OutputTarget } from '../output.ts';
import type { SetExitCode } from '../program.ts';
import { progressBar } from '../progress.ts';
import { remoteServer } from '../remote.ts';
import { storeOption } from '../store-option.ts';
import type { Terminal } from '../terminal.ts';
import { withLedger } from './records-ledger.ts';

interface CheckOptions {
  policy: string;
  data: string;
  dataFormat?: 'csv' | 'jsonl' | 'parquet';
  delimiter?: string;
  baseline?: string;
  modelCard?: string;
  waivers?: string;
  model?: string;
  yTrue?: string;
  yPred?: string;
  score?: string;
  threshold?: number;
  sensitive?: string[];
  weight?: string;
  positiveLabel?: string;
  seed?: number;
  attributions?: string;
  importanceBaseline?: string;
  endpoint?: string;
  endpointProtocol?: 'plain' | 'kserve-v2';
  now?: Date;
  format: string[];
  reportDir?: string;
  quiet?: boolean;
  record?: boolean;
  store?: string;
}

/** File names used by --report-dir, one per format. */
const reportFileNames: Record<ReportFormat, string> = {
  text: 'report.txt',
  json: 'report.json',
  junit: 'junit.xml',
  sarif: 'report.sarif',
  markdown: 'report.md',
  html: 'report.html',
};

export function registerCheck(program: Command, terminal: Terminal, setExitCode: SetExitCode): void {
  program
    .command('check')
    .description('Check an evaluation (predictions of a model on a dataset), or training data alone (a policy with data.task: dataset), against a governance policy.')
    .requiredOption('-p, --policy <file>', 'policy file (YAML)')
    .requiredOption('-d, --data <file>', 'evaluation data (CSV, TSV, JSONL or Parquet with y_true, y_pred/score and sensitive columns), or the training data of a dataset policy')
    .addOption(new Option('--data-format <format>', 'format of --data and --baseline when the extension does not tell').choices(['csv', 'jsonl', 'parquet']))
    .option('--delimiter <char>', 'CSV field delimiter (default "," and tab for .tsv)')
    .option('-b, --baseline <file>', 'evaluation of the production model, for baseline rules')
    .option('--model-card <file>', 'model card (YAML or JSON), for documentation rules')
    .option('-w, --waivers <file>', 'waivers file (YAML): time-bound exceptions to rules')
    .option('-m, --model <name[@version]>', 'the model checked (default: the policy\'s model)')
    .option('--y-true <column>', 'column of the true label or target (overrides the policy)')
    .option('--y-pred <column>', 'column of the predicted label or value (overrides the policy)')
    .option('--score <column>', 'column of the positive-class score or probability (overrides the policy)')
    .option('--threshold <number>', 'decision threshold on the score when there is no y_pred column', parseNumberOption)
    .option('--sensitive <columns>', 'comma-separated sensitive columns (overrides the policy)', parseListOption)
    .option('--weight <column>', 'column of row weights (overrides the policy)')
    .option('--positive-label <label>', 'value of y_true / y_pred meaning the positive class (overrides the policy)')
    .option('--seed <integer>', 'seed for bootstrap intervals (overrides the policy)', parseIntegerOption)
    .option('--attributions <file>', "per-row feature attributions aligned with --data (SHAP, Captum), for explain rules (overrides the policy's explain.attributions)")
    .option('--importance-baseline <file>', "global feature importance of the baseline version (feature, importance), for explain stability rules")
    .option('--endpoint <url>', "the served model, for the counterfactual flip test of explain.flip_rate rules (overrides explain.endpoint.url)")
    .addOption(new Option('--endpoint-protocol <protocol>', 'request shape of --endpoint (default: the policy\'s, else plain)').choices(['plain', 'kserve-v2']))
    .option('--now <time>', 'the time waivers are judged at (default: now), for reproducing a past check', parseTimeOption)
    .addOption(formatOption(reportFormats))
    .option('-o, --report-dir <dir>', 'also write every report format into this folder')
    .option('-q, --quiet', 'print nothing on standard output unless a --format asks for it')
    .option('--record', 'append the verdict to the ledger (nothing is recorded when the check cannot run)')
    .addOption(storeOption())
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  steward check --policy policy.yaml --data eval.parquet',
        '  steward check -p policy.yaml -d eval.csv -b prod-eval.csv --format text --format sarif=steward.sarif',
        '  steward check --policy data-policy.yaml --data train.parquet     (data.task: dataset: no predictions)',
        '',
        'Exit codes: 0 pass (warnings allowed), 1 an error-severity rule failed, 2 usage or input error, 3 internal error.',
      ].join('\n'),
    )
    .action(async (options: CheckOptions) => {
      const targets = parseOutputTargets(options.format, reportFormats, 'text', options.quiet === true);
      const bar = progressBar(terminal, 'reading');
      const remote = remoteServer();
      // With STEWARD_URL and STEWARD_TOKEN set, a server runs the same check (and records the verdict it computed);
      // the output below is the same.
      let verdict: Verdict;
      let recorded: { index: number; warnings: readonly string[] } | undefined;
      if (remote === undefined) {
        verdict = await runCheck({
          ...toRequest(options),
          onProgress: (file, done, total) => bar.update(done, total, file),
          // Only a dataset policy with a previous_version rule asks: the ledger is opened then, not otherwise.
          datasetVersions: (name) => withLedger({ ...defined({ store: options.store }) }, (ledger) => datasetVersions(ledger, name)),
        });
        if (options.record === true) {
          const at = options.now?.toISOString();
          recorded = await withLedger({ ...defined({ store: options.store, at }) }, (ledger, context) => recordVerdict(ledger, verdict, context));
        }
      } else if (options.record === true) {
        const ci = ciContextFromEnv(process.env);
        ({ verdict, recorded } = await remoteCheckAndRecord(remote, toRequest(options), ci === undefined ? {} : { ci }));
      } else {
        verdict = await remoteCheck(remote, toRequest(options));
      }
      bar.finish();
      if (recorded !== undefined) {
        for (const warning of recorded.warnings) terminal.err(`steward: warning: ${warning}\n`);
        terminal.err(`steward: recorded verdict ${verdict.digest} as event #${recorded.index}\n`);
      }
      const files: { path: string; content: string }[] = [];
      const allTargets: OutputTarget[] = [...targets];
      if (options.reportDir !== undefined) {
        for (const format of reportFormats) allTargets.push({ format, path: join(options.reportDir, reportFileNames[format]) });
      }
      let stdout = '';
      for (const target of allTargets) {
        const color = target.path === '-' && terminal.color;
        const content = renderReport(target.format as ReportFormat, verdict, { color, policyFile: options.policy, width: terminal.width });
        if (target.path === '-') stdout = content;
        else files.push({ path: target.path, content });
      }
      writeAllOrNothing(files);
      terminal.out(stdout.endsWith('\n') || stdout === '' ? stdout : `${stdout}\n`);
      setExitCode(verdict.outcome === 'fail' ? 1 : 0);
    });
}

function toRequest(options: CheckOptions): CheckRequest {
  const { yTrue, yPred, score, threshold, sensitive, weight, positiveLabel } = options;
  return {
    policyFile: options.policy,
    dataFile: options.data,
    now: options.now ?? new Date(),
    columns: defined({ yTrue, yPred, score, threshold, sensitive, weight, positiveLabel }),
    ...defined({
      dataFormat: options.dataFormat,
      delimiter: options.delimiter,
      baselineFile: options.baseline,
      modelCardFile: options.modelCard,
      waiversFile: options.waivers,
      model: options.model,
      seed: options.seed,
    }),
    ...(options.attributions === undefined && options.importanceBaseline === undefined && options.endpoint === undefined && options.endpointProtocol === undefined
      ? {}
      : {
          explain: defined({
            attributionsFile: options.attributions,
            importanceBaselineFile: options.importanceBaseline,
            endpoint: options.endpoint,
            endpointProtocol: options.endpointProtocol,
          }),
        }),
  };
}
