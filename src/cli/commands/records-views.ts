import { Option, type Command } from 'commander';
import {
  exportBom,
  lineageJson,
  lineageMermaid,
  lineageText,
  logLine,
  parseTime,
  readLineage,
  readLog,
  readState,
  remoteBom,
  remoteLineage,
  remoteLog,
  remoteState,
  stateText,
  type LogFilter,
} from '../../app/index.ts';
import type { EventType } from '../../core/index.ts';
import { writeAllOrNothing } from '../output.ts';
import type { SetExitCode } from '../program.ts';
import { storeOption } from '../store-option.ts';
import type { Terminal } from '../terminal.ts';
import { remoteServer } from '../remote.ts';
import { withLedger } from './records-ledger.ts';

const eventTypes: readonly EventType[] = ['dataset', 'run', 'version', 'deployment', 'policy', 'verdict', 'approval', 'waiver', 'reference', 'alert', 'delivery'];
const exitNote = '\nExit codes: 0 shown, 2 usage or input error, 3 internal error.';

/** log, lineage, state, bom: read-only views of the ledger. */
export function registerLineageViews(program: Command, terminal: Terminal, setExitCode: SetExitCode): void {
  const json = (value: unknown): void => terminal.out(`${JSON.stringify(value, null, 2)}\n`);

  program
    .command('log')
    .description('List ledger events, oldest first, optionally filtered by kind, model and time.')
    .addOption(new Option('--kind <type>', 'only events of this type').choices([...eventTypes]))
    .option('--model <name>', 'only events about this model (runs, versions, deployments, verdicts, approvals, waivers, monitor references and alerts)')
    .option('--since <time>', 'only events recorded at or after this RFC 3339 time')
    .option('--until <time>', 'only events recorded at or before this RFC 3339 time')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(storeOption())
    .addHelpText('after', `\nExamples:\n  steward log --model credit-scoring --since 2026-11-01\n  steward log --kind verdict --format json${exitNote}`)
    .action(async (options: { kind?: EventType; model?: string; since?: string; until?: string; format: string; store?: string }) => {
      const filter: LogFilter = {
        ...(options.kind === undefined ? {} : { kind: options.kind }),
        ...(options.model === undefined ? {} : { model: options.model }),
        ...(options.since === undefined ? {} : { since: parseTime(options.since, '--since') }),
        ...(options.until === undefined ? {} : { until: parseTime(options.until, '--until') }),
      };
      const server = remoteServer();
      const events = server === undefined ? await withLedger(options, (ledger) => readLog(ledger, filter)) : await remoteLog(server, filter);
      if (options.format === 'json') json(events);
      else terminal.out(events.map((event) => `${logLine(event)}\n`).join(''));
      setExitCode(0);
    });

  program
    .command('lineage')
    .description('Show where a model version came from (datasets, run, code) and what happened to it (verdicts, approvals, deployments).')
    .argument('<model@version>', 'e.g. credit-scoring@2.0.0')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'mermaid']).default('text'))
    .addOption(storeOption())
    .addHelpText('after', `\nExamples:\n  steward lineage credit-scoring@2.0.0\n  steward lineage credit-scoring@2.0.0 --format mermaid > lineage.mmd${exitNote}`)
    .action(async (ref: string, options: { format: string; store?: string }) => {
      const server = remoteServer();
      const lineage = server === undefined ? await withLedger(options, (ledger) => readLineage(ledger, ref)) : await remoteLineage(server, ref);
      if (options.format === 'json') json(lineageJson(lineage));
      else terminal.out(options.format === 'mermaid' ? lineageMermaid(lineage) : lineageText(lineage));
      setExitCode(0);
    });

  program
    .command('state')
    .description('Reconstruct the registry at a point in time: deployed versions per environment, published policies, waivers in force.')
    .requiredOption('--at <time>', 'the instant, RFC 3339 (e.g. 2026-11-26T12:00:00Z)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(storeOption())
    .addHelpText('after', `\nExamples:\n  steward state --at 2026-11-26T12:00:00Z\n  steward state --at 2026-11-01 --format json${exitNote}`)
    .action(async (options: { at: string; format: string; store?: string }) => {
      const at = parseTime(options.at, '--at');
      const server = remoteServer();
      const state = server === undefined ? await withLedger({ ...(options.store === undefined ? {} : { store: options.store }) }, (ledger) => readState(ledger, at)) : await remoteState(server, at);
      if (options.format === 'json') json(state);
      else terminal.out(stateText(state));
      setExitCode(0);
    });

  program
    .command('bom')
    .description('Export a CycloneDX 1.6 ML-BOM of a model version: model card with metrics of its latest verdict, training datasets, hashes.')
    .argument('<model@version>', 'e.g. credit-scoring@2.0.0')
    .option('-o, --output <file>', 'write the BOM to this file instead of standard output')
    .addOption(storeOption())
    .addHelpText('after', `\nExamples:\n  steward bom credit-scoring@2.0.0 --output credit-scoring.cdx.json${exitNote}`)
    .action(async (ref: string, options: { output?: string; store?: string }) => {
      const server = remoteServer();
      const bom = server === undefined ? await withLedger(options, (ledger) => exportBom(ledger, ref)) : await remoteBom(server, ref);
      const content = `${JSON.stringify(bom, null, 2)}\n`;
      if (options.output === undefined) terminal.out(content);
      else writeAllOrNothing([{ path: options.output, content }]);
      setExitCode(0);
    });
}
