import type { Agreement } from './agreement.ts';
import type { BenchCase, CaseId } from './cases.ts';
import type { Machine } from './machine.ts';
import type { Measurement } from './measure.ts';

/**
 * Renders the "Release gate (steward check)" section of BENCHMARKS.md from one run's measurements. Every figure in
 * it was measured in that run; a step that could not run is shown as "not measured" with the reason, never filled in.
 */
export type Outcome = { readonly case: BenchCase; readonly measurement: Measurement } | { readonly case: BenchCase; readonly error: string };

export interface Agreements {
  /** Check on CSV vs the pandas peer. */
  readonly peer: Agreement | string;
  /** Check on CSV vs check on Parquet: both readers must deliver the same rows. */
  readonly formats: Agreement | string;
}

export interface RunInfo {
  readonly rows: number;
  readonly baselineRows: number;
  readonly peerReplicates: number;
  /** Runs per step; the fastest is reported. */
  readonly repeat: number;
  /** 1-minute load average before and after the measurements: other work on the machine skews wall times. */
  readonly load: readonly [number, number];
  readonly bootstrapSamples: number;
  readonly reproduce: string;
  readonly date: string;
  readonly machine: Machine;
  readonly outcomes: readonly Outcome[];
  readonly agreements: Agreements;
  readonly peerTimings?: Readonly<Record<string, number>>;
  readonly peerBootstrapSeconds?: number;
}

const TARGET_ROWS = 10_000_000;
const RSS_LIMIT_MIB = 256;

export function renderSection(run: RunInfo): string {
  const byId = new Map<CaseId, Outcome>(run.outcomes.map((o) => [o.case.id, o]));
  const seconds = (id: CaseId): number | undefined => {
    const o = byId.get(id);
    return o !== undefined && 'measurement' in o ? o.measurement.wallSeconds : undefined;
  };
  const rss = (id: CaseId): number | undefined => {
    const o = byId.get(id);
    return o !== undefined && 'measurement' in o ? o.measurement.peakRssMiB : undefined;
  };
  const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
    a === undefined || b === undefined ? undefined : a / b;
  const checkOverBareCsv = ratio(seconds('check-csv'), seconds('bare-csv'));
  const checkOverBareParquet = ratio(seconds('check-parquet'), seconds('bare-parquet'));
  const peerOverCheck = ratio(seconds('peer'), seconds('check-csv'));
  const checkRss = [rss('check-csv'), rss('check-parquet')].filter((v) => v !== undefined);
  const m = run.machine;

  const lines = [
    '## Release gate (steward check)',
    '',
    `Measured ${run.date} by \`bench/run.ts\` on ${run.rows.toLocaleString('en-US')} evaluation rows ` +
      `(+ ${run.baselineRows.toLocaleString('en-US')} baseline rows), policy \`bench/policy.yaml\` ` +
      `(${run.bootstrapSamples} bootstrap samples, intersections on).`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB memory, ${m.os}; Node ${m.node}; ${m.python}.`,
    '',
    'Reproduce:',
    '',
    '```sh',
    run.reproduce,
    '```',
    '',
    'Each step is a separate process, timed from spawn to exit (wall clock) with its peak resident set size from GNU',
    '`time` (`%M`, ru_maxrss). The page cache is warm: every input file is read once before the first timing.',
    `Each step ran ${run.repeat === 1 ? 'once' : `${run.repeat} times and the fastest run is shown`}; the 1-minute ` +
      `load average was ${run.load[0].toFixed(2)} before and ${run.load[1].toFixed(2)} after the measurements ` +
      `(${run.machine.cores} cores), so a load above the core count means other work shared the machine.`,
    '',
    '| step | input | wall time (s) | peak RSS (MiB) |',
    '|---|---|---:|---:|',
    ...run.outcomes.map((o) =>
      'measurement' in o
        ? `| ${o.case.label} | ${o.case.input} | ${o.measurement.wallSeconds.toFixed(2)} | ${o.measurement.peakRssMiB.toFixed(0)} |`
        : `| ${o.case.label} | ${o.case.input} | not measured: ${escapeCell(o.error)} | — |`,
    ),
    '',
    '| ratio | value |',
    '|---|---:|',
    `| check / bare read, CSV | ${fmt(checkOverBareCsv)} |`,
    `| check / bare read, Parquet | ${fmt(checkOverBareParquet)} |`,
    `| pandas peer (point estimates) / check, CSV | ${fmt(peerOverCheck)} |`,
    '',
    '### Targets',
    '',
    '| target | measured | status |',
    '|---|---|---|',
    rssTarget(run.rows, checkRss),
    `| ≥ 20× faster than the pandas peer | ${fmt(peerOverCheck)}× | ${status(peerOverCheck, (v) => v >= 20)} |`,
    `| total time ≤ 1.5× the bare read, CSV | ${fmt(checkOverBareCsv)}× | ${status(checkOverBareCsv, (v) => v <= 1.5)} |`,
    `| total time ≤ 1.5× the bare read, Parquet | ${fmt(checkOverBareParquet)}× | ${status(checkOverBareParquet, (v) => v <= 1.5)} |`,
    '',
    ...peerNotes(run),
    '### Same numbers',
    '',
    ...agreementNotes('check (CSV) vs pandas peer', run.agreements.peer),
    '',
    ...agreementNotes('check on CSV vs check on Parquet', run.agreements.formats),
  ];
  return lines.join('\n');
}

function rssTarget(rows: number, checkRss: readonly number[]): string {
  const worst = checkRss.length === 0 ? undefined : Math.max(...checkRss);
  const measured = worst === undefined ? 'not measured' : `${worst.toFixed(0)} MiB (worse of CSV and Parquet)`;
  if (rows < TARGET_ROWS) return `| peak RSS ≤ ${RSS_LIMIT_MIB} MiB at 10M rows | ${measured} at ${rows.toLocaleString('en-US')} rows | not judged: run with \`--rows 10000000\` |`;
  return `| peak RSS ≤ ${RSS_LIMIT_MIB} MiB at 10M rows | ${measured} | ${status(worst, (v) => v <= RSS_LIMIT_MIB)} |`;
}

function peerNotes(run: RunInfo): string[] {
  const notes = [
    'About the peer (`bench/peers/pandas_check.py`): it reads the same CSV (only the 6 needed columns, categorical',
    'dtypes) and computes the same slices (overall, each sensitive column, every intersection), slice metrics and',
    'disparities, for the evaluation and the baseline file (not the missing-value counts). The ratio above uses its',
    'time *without* intervals, which favours the peer: the check computes bootstrap intervals too. pandas cannot read',
    'Parquet here (no pyarrow/fastparquet in Debian), so the peer runs on CSV only.',
  ];
  if (run.peerTimings !== undefined) {
    const t = run.peerTimings;
    notes.push('', `Peer time split (s, its own clock): read ${fmt(t['read'])}, metrics ${fmt(t['metrics'])}, baseline ${fmt(t['baseline'])}.`);
  }
  if (run.peerBootstrapSeconds !== undefined && run.peerReplicates > 0) {
    const perReplicate = run.peerBootstrapSeconds / run.peerReplicates;
    notes.push(
      '',
      `With intervals the peer resamples rows (the textbook bootstrap): ${run.peerReplicates} ` +
        `replicate${run.peerReplicates === 1 ? '' : 's'} took ` +
        `${run.peerBootstrapSeconds.toFixed(1)} s, ${perReplicate.toFixed(1)} s per replicate (its own clock). The ` +
        `check's ${run.bootstrapSamples} samples were not run by the peer; the check resamples its profiles ` +
        '(per-group counts), not rows, which is why it can afford them.',
    );
  }
  notes.push('');
  return notes;
}

function agreementNotes(what: string, agreement: Agreement | string): string[] {
  if (typeof agreement === 'string') return [`${what}: not compared (${escapeCell(agreement)}).`];
  return [
    `${what}: ${agreement.compared} point estimates compared, largest absolute difference ` +
      `${agreement.maxAbsDiff.toExponential(2)}.`,
    ...(agreement.worst.length > 0 && agreement.maxAbsDiff > 0 ? ['', ...agreement.worst.map((w) => `- ${w}`)] : []),
  ];
}

function fmt(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(2);
}

function status(value: number | undefined, ok: (v: number) => boolean): string {
  if (value === undefined) return 'not measured';
  return ok(value) ? '**met**' : '**not met**';
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ').slice(0, 200);
}
