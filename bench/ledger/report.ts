import type { AppendRun, Latency } from './phases.ts';

export interface StoreFigures {
  readonly name: 'SQLite' | 'PostgreSQL';
  readonly append: AppendRun;
  readonly rawRate: number;
  readonly verifyRate: number;
  readonly verifyCpuSeconds: number;
  readonly proof: Latency;
}

export interface LedgerFigures {
  readonly command: string;
  readonly date: string;
  readonly machine: string;
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly events: number;
  readonly stores: readonly StoreFigures[];
  readonly pgSkipped?: string;
  readonly bundleRate?: number;
  readonly sha: { readonly leaves: number; readonly oneThread: number; readonly allThreads: number; readonly threads: number };
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const r = (x: number): string => x.toFixed(2);
const ms = (x: number): string => x.toFixed(3);
const status = (met: boolean): string => (met ? 'met' : '**not met**');

/** The ledger section of BENCHMARKS.md: absolute figures, ratios to the raw limits of the same run, targets. */
export function ledgerReport(f: LedgerFigures): string {
  const lines = [
    '## Ledger (append, verify, proofs)',
    '',
    `Measured ${f.date} by \`bench/ledger.ts\` on ${n(f.events)} events requested. Machine: ${f.machine}.`,
    `The 1-minute load average was ${r(f.loadBefore)} before and ${r(f.loadAfter)} after (a load above the core count means other work shared the machine, so every rate here is pessimistic).`,
    '',
    'Reproduce:',
    '',
    '```sh',
    f.command,
    '```',
    '',
    'Events are dataset, run, version and deployment records of 200–350 bytes of canonical JSON (`bench/ledger/events.ts`).',
    'Appends go through `Ledger.append` (schema validation, canonical JSON, the once-per-subject check of run and',
    'version events — half of these events — group commit, durable commit) as calls of 1,000 events with 8 calls in',
    'flight; the raw limit inserts the same leaf bytes into a bare `(idx, leaf)` table in transactions of 10,000 rows,',
    'equally durable. Verification is `Ledger.verify()` (every leaf hash and interior node recomputed, every stored',
    'node — levels from 4, subtrees of 16 leaves — compared, every checkpoint signature and consistency proof; on',
    'SQLite the hashing threads read the rows themselves); its raw limit is one `crypto.hash` call per leaf over the',
    'same leaves, on one thread and on all cores. Proof latency is `Ledger.inclusionProof(index)` with its signed',
    'checkpoint, over random indices.',
    '',
    '| store | events | append (events/s) | raw insert (rows/s) | append / raw | verify (events/s) | verify CPU (s, all threads) | proof p50 (ms) | proof p99 (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...f.stores.map(
      (s) =>
        `| ${s.name} | ${n(s.append.appended)} | ${n(s.append.rate)} | ${n(s.rawRate)} | ${r(s.append.rate / s.rawRate)} | ${n(s.verifyRate)} | ${r(s.verifyCpuSeconds)} | ${ms(s.proof.p50)} | ${ms(s.proof.p99)} |`,
    ),
    '',
    `Plain SHA-256 of the first ${n(f.sha.leaves)} leaves: ${n(f.sha.oneThread)} leaves/s on one thread, ${n(f.sha.allThreads)} leaves/s on ${f.sha.threads} threads.`,
    ...(f.sha.allThreads < f.sha.oneThread
      ? [`Here ${f.sha.threads} threads hashed slower than one: other work held the other core, so "all cores" means what this run could get of them.`]
      : []),
    ...f.stores.map((s) => `Verify on ${s.name} runs at ${r(s.verifyRate / f.sha.allThreads)} × plain SHA-256 on all cores (it makes two hash calls per leaf: the leaf and, on average, one interior node, and reads every row).`),
    ...f.stores.map((s) => `Append on ${s.name} used ${r((s.append.cpuSeconds / s.append.appended) * 1e6)} µs of CPU per event (this process, all threads; the database server's own CPU is not counted).`),
    ...f.stores.map(
      (s) =>
        `Verify on ${s.name} used ${r((s.verifyCpuSeconds / s.append.appended) * 1e6)} µs of CPU per event (all threads of this process); one plain SHA-256 call took ${r(1e6 / f.sha.oneThread)} µs.`,
    ),
    ...(f.bundleRate === undefined ? [] : [`\`verify --bundle\` (no store): ${n(f.bundleRate)} events/s, ${r(f.bundleRate / f.sha.allThreads)} × plain SHA-256 on all cores.`]),
    ...f.stores.flatMap((s) => (s.append.stoppedEarly === undefined ? [] : [`${s.name} append ${s.append.stoppedEarly}.`])),
    ...(f.pgSkipped === undefined ? [] : [`PostgreSQL was not measured: ${f.pgSkipped}.`]),
    '',
    '### Targets',
    '',
    '| target | measured | status |',
    '|---|---|---|',
    ...targets(f),
  ];
  return lines.join('\n');
}

function targets(f: LedgerFigures): string[] {
  const rows: string[] = [];
  const sqlite = f.stores.find((s) => s.name === 'SQLite');
  const postgres = f.stores.find((s) => s.name === 'PostgreSQL');
  if (sqlite !== undefined) rows.push(`| append ≥ 200,000 events/s, embedded | ${n(sqlite.append.rate)}/s | ${status(sqlite.append.rate >= 200_000)} |`);
  rows.push(
    postgres === undefined
      ? '| append ≥ 20,000 events/s, PostgreSQL | not measured | not judged |'
      : `| append ≥ 20,000 events/s, PostgreSQL | ${n(postgres.append.rate)}/s | ${status(postgres.append.rate >= 20_000)} |`,
  );
  if (sqlite !== undefined) {
    rows.push(`| verify ≥ 1,000,000 events/s (both cores) | ${n(sqlite.verifyRate)}/s (SQLite); the plain SHA-256 ceiling here is ${n(f.sha.allThreads)}/s | ${status(sqlite.verifyRate >= 1_000_000)} |`);
    const size = sqlite.append.appended;
    const proof = `p99 ${ms(sqlite.proof.p99)} ms at ${n(size)} events (SQLite)`;
    rows.push(size >= 10_000_000 ? `| inclusion proof < 1 ms at 10M events | ${proof} | ${status(sqlite.proof.p99 < 1)} |` : `| inclusion proof < 1 ms at 10M events | ${proof} | not judged: run with \`--events 10000000\` |`);
  }
  return rows;
}
