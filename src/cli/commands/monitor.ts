import { Option, type Command } from 'commander';
import { defined, describeProblem, fail } from '../../core/index.ts';
import { buildBaseline, listAlerts, loadWatch, processAlerts, redeliverDue, runMonitor, runMonitorOnStore, validateMonitors, type MonitorRun } from '../../app/monitor/index.ts';
import { renderReport, reportFormats, type ReportFormat } from '../../report/index.ts';
import { formatOption, parseIntegerOption, parseTimeOption } from '../options.ts';
import { parseOutputTargets, writeAllOrNothing } from '../output.ts';
import type { SetExitCode } from '../program.ts';
import { storeOption } from '../store-option.ts';
import type { Terminal } from '../terminal.ts';
import { withLedger } from './records-ledger.ts';

interface BaselineOptions {
  data: string;
  monitor: string;
  out?: string;
  dataFormat?: 'csv' | 'jsonl' | 'parquet';
  delimiter?: string;
  record?: boolean;
  store?: string;
  now?: Date;
}

interface RunOptions {
  monitor: string;
  reference?: string;
  current?: string;
  window?: string;
  dataFormat?: 'csv' | 'jsonl' | 'parquet';
  delimiter?: string;
  format: string[];
  quiet?: boolean;
  notify?: boolean;
  record?: boolean;
  store?: string;
  now?: Date;
  seed?: number;
}

/** `steward monitor baseline | run | alerts`: thin shells over src/app/monitor. */
export function registerMonitor(program: Command, terminal: Terminal, setExitCode: SetExitCode): void {
  const monitor = program.command('monitor').description('Watch a model in production: drift against a stored reference, alerts, retraining triggers.');
  monitor
    .command('baseline')
    .description('Profile the reference data once (the columns a monitor watches) and write the reference profile.')
    .argument('<model@version>', 'the model version the reference belongs to')
    .requiredOption('-d, --data <file>', 'reference data (CSV, TSV, JSONL or Parquet), e.g. the training or validation set')
    .requiredOption('-m, --monitor <file>', 'monitor document (kind: Monitor)')
    .option('-o, --out <file>', 'where to write the reference profile (default: <monitor name>.reference.json)')
    .addOption(new Option('--data-format <format>', 'format of --data when the extension does not tell').choices(['csv', 'jsonl', 'parquet']))
    .option('--delimiter <char>', 'CSV field delimiter')
    .option('--record', 'record the reference profile\'s digest in the ledger')
    .option('--now <time>', 'the time recorded (default: now)', parseTimeOption)
    .addOption(storeOption())
    .action(async (target: string, options: BaselineOptions) => {
      const at = target.lastIndexOf('@');
      if (at <= 0 || at === target.length - 1) fail('USAGE_INVALID_ARGUMENT', `"${target}" is not <model>@<version>`, { location: { path: '<model@version>' }, expected: 'e.g. credit-scoring@1.4.0' });
      const result = await buildBaseline({ monitorFile: options.monitor, dataFile: options.data, model: target.slice(0, at), version: target.slice(at + 1), ...defined({ dataFormat: options.dataFormat, delimiter: options.delimiter }) });
      const out = options.out ?? `${result.monitor.name}.reference.json`;
      writeAllOrNothing([{ path: out, content: result.text }]);
      if (options.record === true) {
        const recorded = await withLedger({ ...defined({ store: options.store, at: options.now?.toISOString() }) }, (ledger, context) =>
          ledger.append([{ v: 1, type: 'reference', recordedAt: context.at.toISOString(), ...(context.ci === undefined ? {} : { ci: context.ci }), monitor: result.monitor.name, model: result.reference.model, version: result.reference.version, profile: result.digest, data: result.reference.data.digest, rows: result.reference.data.rows }]),
        );
        terminal.err(`steward: recorded reference ${result.digest} as event #${recorded.first}\n`);
      }
      terminal.out(`wrote ${out}: ${result.reference.columns.length} columns, ${result.reference.data.rows} rows, ${result.digest}\n`);
      setExitCode(0);
    });
  monitor
    .command('run')
    .description('Judge one window against the reference — a file of current data, or (without --current) a window of the decisions ingested into the store; one shot, for cron or a CI job.')
    .requiredOption('-m, --monitor <file>', 'monitor document (kind: Monitor)')
    .option('-r, --reference <file>', 'reference profile written by steward monitor baseline (default: the monitor\'s reference:)')
    .option('-c, --current <file>', 'current data: the window to judge (default: the latest closed window of ingested decisions in the store)')
    .option('-w, --window <start>', 'with the store: the window to judge, its RFC 3339 start (time windows) or #k (count windows)')
    .addOption(new Option('--data-format <format>', 'format of --current when the extension does not tell').choices(['csv', 'jsonl', 'parquet']))
    .option('--delimiter <char>', 'CSV field delimiter')
    .addOption(formatOption(reportFormats))
    .option('-q, --quiet', 'print nothing on standard output unless a --format asks for it')
    .option('--record', 'record alert transitions (opened / resolved) in the ledger; dedup, cooldown and resolve are derived from them')
    .option('--notify', 'send notifications and retraining triggers for alert transitions (implies --record)')
    .option('--now <time>', 'the time of the run (default: now)', parseTimeOption)
    .option('--seed <integer>', 'seed of the retry jitter', parseIntegerOption)
    .addOption(storeOption())
    .addHelpText('after', '\nExit codes: 0 healthy (warnings allowed), 1 an error-severity rule fired, 2 usage or input error, 3 internal error.')
    .action(async (options: RunOptions) => {
      const targets = parseOutputTargets(options.format, reportFormats, 'text', options.quiet === true);
      if (options.current !== undefined && options.window !== undefined) fail('USAGE_INVALID_ARGUMENT', '--window picks a window of the store; it cannot be used with --current', { location: { path: '--window' }, expected: '--current <file> or --window <start>, not both' });
      let run: MonitorRun;
      if (options.current !== undefined) {
        const referenceFile = options.reference ?? (await loadWatch(options.monitor)).reference.file;
        run = await runMonitor({ monitorFile: options.monitor, referenceFile, currentFile: options.current, ...defined({ dataFormat: options.dataFormat, delimiter: options.delimiter }) });
      } else {
        run = await withLedger({ ...defined({ store: options.store, at: options.now?.toISOString() }) }, (ledger, context) =>
          runMonitorOnStore(ledger.store.monitors, { monitorFile: options.monitor, now: context.at, ...defined({ referenceFile: options.reference, window: options.window }) }),
        );
        terminal.err(`steward: window ${run.window} of monitor ${run.monitor.name}\n`);
      }
      if (options.record === true || options.notify === true) {
        const outcome = await withLedger({ ...defined({ store: options.store, at: options.now?.toISOString() }) }, async (ledger, context) => {
          const alerts = await processAlerts(ledger, run, { at: context.at, notify: options.notify === true, env: process.env, ...defined({ seed: options.seed, ci: context.ci }) });
          // a later run is when earlier failed deliveries of this monitor are re-sent (docs/monitoring.md, Delivery)
          if (options.notify === true) for (const event of await redeliverDue(ledger, [run.monitor], { now: context.at, env: process.env, ...defined({ seed: options.seed }) })) terminal.err(`steward: redelivery ${event.round} of alert #${event.alert} to ${event.delivery.target}: ${event.outcome}\n`);
          return alerts;
        });
        for (const event of outcome.events) terminal.err(`steward: alert ${event.action}: ${event.monitor}/${event.rule} (${event.severity})\n`);
        for (const quiet of outcome.plan.quiet) terminal.err(`steward: no new alert for ${quiet.rule}: ${quiet.reason}\n`);
        for (const failed of outcome.failed) terminal.err(`steward: warning: delivery to ${failed.target} ${failed.url} failed after ${failed.attempts} attempt(s): ${failed.error ?? 'unknown'} (recorded; see steward monitor alerts)\n`);
      }
      let stdout = '';
      const files: { path: string; content: string }[] = [];
      for (const target of targets) {
        const content = renderReport(target.format as ReportFormat, run.verdict, { color: target.path === '-' && terminal.color, policyFile: options.monitor, width: terminal.width });
        if (target.path === '-') stdout = content;
        else files.push({ path: target.path, content });
      }
      writeAllOrNothing(files);
      terminal.out(stdout.endsWith('\n') || stdout === '' ? stdout : `${stdout}\n`);
      setExitCode(run.verdict.outcome === 'fail' ? 1 : 0);
    });
  monitor
    .command('validate')
    .description('Check monitor documents: YAML syntax, fields, CEL expressions, label rules.')
    .argument('<files...>', 'monitor files (YAML, kind: Monitor)')
    .addHelpText('after', '\nExit codes: 0 every monitor is valid, 2 a problem was found (each printed with file:line:column).')
    .action(async (files: string[]) => {
      const results = await validateMonitors(files);
      for (const { file, problems } of results) {
        if (problems.length === 0) terminal.out(`${file}: valid\n`);
        for (const problem of problems) terminal.out(`${describeProblem(problem)}\n`);
      }
      setExitCode(results.some((result) => result.problems.length > 0) ? 2 : 0);
    });
  monitor
    .command('alerts')
    .description('Open alerts and failed notification deliveries, replayed from the ledger.')
    .option('-m, --monitor <name>', 'only this monitor')
    .option('--json', 'print JSON')
    .addOption(storeOption())
    .action(async (options: { monitor?: string; json?: boolean; store?: string }) => {
      const listing = await withLedger({ ...defined({ store: options.store }) }, (ledger) => listAlerts(ledger, options.monitor));
      if (options.json === true) {
        terminal.out(`${JSON.stringify({ open: listing.open.map((s) => s.last), failedDeliveries: listing.failedDeliveries, deliveries: listing.deliveries }, null, 2)}\n`);
      } else {
        const lines = [`open alerts: ${listing.open.length}`];
        for (const state of listing.open) lines.push(`  ${state.last.monitor}/${state.rule}  ${state.last.severity}  since ${state.lastOpened?.recordedAt ?? '?'}  window ${state.last.window}`);
        lines.push(`failed deliveries: ${listing.failedDeliveries.length}`);
        for (const item of listing.failedDeliveries) lines.push(`  ${item.recordedAt}  ${item.monitor}/${item.rule} ${item.action} → ${item.delivery.target} ${item.delivery.url}: ${item.delivery.error ?? 'failed'} after ${item.delivery.attempts} attempt(s)`);
        for (const state of ['pending', 'failed', 'delivered'] as const) {
          const rows = listing.deliveries.filter((row) => row.state === state);
          lines.push(`deliveries ${state}: ${rows.length}`);
          for (const row of rows) lines.push(`  alert #${row.alertIndex} ${row.monitor}/${row.rule} → ${row.target} ${row.origin}  ${row.attempts} round(s)${row.lastError === undefined ? '' : `, last: ${row.lastError}`}${state === 'pending' ? `, next at ${row.nextAt}` : ''}`);
        }
        terminal.out(`${lines.join('\n')}\n`);
      }
      setExitCode(0);
    });
}
