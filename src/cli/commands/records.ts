import { Option, type Command } from 'commander';
import {
  publishPolicy,
  recordDataset,
  recordDeployment,
  recordRun,
  recordVersion,
  remotePublishPolicy,
  remoteRecordDataset,
  remoteRecordDeployment,
  remoteRecordRun,
  remoteRecordVersion,
  type RecordResult,
} from '../../app/index.ts';
import { defined, subjectOf } from '../../core/index.ts';
import { collect } from '../options.ts';
import type { SetExitCode } from '../program.ts';
import { progressBar } from '../progress.ts';
import { storeOption } from '../store-option.ts';
import type { Terminal } from '../terminal.ts';
import { registerApproveCommand } from './records-approve.ts';
import { recordOn } from './records-ledger.ts';
import { registerLineageViews } from './records-views.ts';

interface CommonOptions {
  store?: string;
  at?: string;
  format: 'text' | 'json';
}

const exitNote = '\nExit codes: 0 recorded, 2 usage or input error (nothing recorded), 3 internal error.';

/** record, approve, policy publish, log, lineage, state, bom: the commands that write and read lineage. */
export function registerRecordCommands(program: Command, terminal: Terminal, setExitCode: SetExitCode): void {
  const record = program.command('record').description('Append lineage records to the ledger: datasets, training runs, model versions, deployments.');
  const report = (result: RecordResult, options: CommonOptions): void => {
    for (const warning of result.warnings) terminal.err(`steward: warning: ${warning}\n`);
    if (options.format === 'json') terminal.out(`${JSON.stringify(result, null, 2)}\n`);
    else terminal.out(`recorded ${result.event.type} ${subjectOf(result.event)} as event #${result.index}\n`);
    setExitCode(0);
  };

  withCommon(record.command('dataset'))
    .description('Record a dataset: its content digest (a directory as a Merkle tree of its files), and rows and schema of CSV/TSV/JSONL/Parquet files.')
    .argument('<path>', 'a data file or a directory')
    .requiredOption('--name <name>', 'the dataset name, e.g. loans-2026')
    .option('--source <uri>', 'where the data came from (default: the path)')
    .addHelpText('after', examples('steward record dataset data/train.parquet --name loans-train', 'steward record dataset s3-export/ --name loans-2026 --source s3://bucket/loans/2026/'))
    .action(async (path: string, options: CommonOptions & { name: string; source?: string }) => {
      const bar = progressBar(terminal, 'hashing');
      const request = { path, name: options.name, ...(options.source === undefined ? {} : { source: options.source }) };
      const progress = (done: number, total: number, detail: string): void => bar.update(done, total, detail);
      const result = await recordOn(
        options,
        (ledger, context) => recordDataset(ledger, request, context, progress),
        (server, context) => remoteRecordDataset(server, request, context, progress),
      );
      bar.finish();
      report(result, options);
    });

  withCommon(record.command('run'))
    .description('Record a training run: the recorded datasets it read, the code commit and parameters.')
    .requiredOption('--id <id>', 'the run id (unique)')
    .option('--model <name>', 'the model the run trains')
    .requiredOption('--dataset <name[@digest]>', 'an input dataset (recorded before), repeatable; without @digest its latest record', collect, [])
    .option('--commit <sha>', 'the training code commit (default: the CI commit, when in CI)')
    .option('--param <key=value>', 'a training parameter, repeatable', collect, [])
    .addHelpText('after', examples('steward record run --id train-42 --model credit-scoring --dataset loans-train --commit 1a2b3c --param lr=0.01'))
    .action(async (options: CommonOptions & { id: string; model?: string; dataset: string[]; commit?: string; param: string[] }) => {
      const request = { id: options.id, datasets: options.dataset, params: options.param, ...defined({ model: options.model, commit: options.commit }) };
      report(await recordOn(options, (ledger, context) => recordRun(ledger, request, context), (server, context) => remoteRecordRun(server, request, context)), options);
    });

  withCommon(record.command('version'))
    .description('Record a model version with the digest of its artifact (a file, or a directory hashed as a Merkle tree).')
    .argument('<model@version>', 'e.g. credit-scoring@2.0.0')
    .requiredOption('--artifact <path>', 'the model artifact: a file or a directory')
    .option('--run <id>', 'the training run that produced it (recorded before)')
    .addHelpText('after', examples('steward record version credit-scoring@2.0.0 --artifact model/ --run train-42'))
    .action(async (ref: string, options: CommonOptions & { artifact: string; run?: string }) => {
      const bar = progressBar(terminal, 'hashing');
      const request = { ref, artifact: options.artifact, ...defined({ run: options.run }) };
      const progress = (done: number, total: number, detail: string): void => bar.update(done, total, detail);
      const result = await recordOn(
        options,
        (ledger, context) => recordVersion(ledger, request, context, progress),
        (server, context) => remoteRecordVersion(server, request, context, progress),
      );
      bar.finish();
      report(result, options);
    });

  withCommon(record.command('deployment'))
    .description('Record that a recorded model version went live in an environment.')
    .argument('<model@version>', 'e.g. credit-scoring@2.0.0')
    .requiredOption('--env <environment>', 'the environment, e.g. staging or production')
    .addHelpText('after', examples('steward record deployment credit-scoring@2.0.0 --env production'))
    .action(async (ref: string, options: CommonOptions & { env: string }) => {
      const request = { ref, environment: options.env };
      report(await recordOn(options, (ledger, context) => recordDeployment(ledger, request, context), (server, context) => remoteRecordDeployment(server, request, context)), options);
    });

  const policy = program.commands.find((command) => command.name() === 'policy') ?? program.command('policy').description('Policy files.');
  withCommon(policy.command('publish'))
    .description('Validate a policy and record it (name, digest and full text) in the ledger.')
    .argument('<file>', 'policy file (YAML)')
    .addHelpText('after', examples('steward policy publish policy.yaml'))
    .action(async (file: string, options: CommonOptions) => {
      report(await recordOn(options, (ledger, context) => publishPolicy(ledger, file, context), (server, context) => remotePublishPolicy(server, file, context)), options);
    });

  registerApproveCommand(program, report);
  registerLineageViews(program, terminal, setExitCode);
}

function withCommon(command: Command): Command {
  return command
    .addOption(storeOption())
    .option('--at <time>', 'when it happened, RFC 3339 (default: now)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', exitNote);
}

function examples(...lines: string[]): string {
  return ['', 'Examples:', ...lines.map((line) => `  ${line}`)].join('\n');
}
