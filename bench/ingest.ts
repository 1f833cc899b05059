/**
 * The ingest benchmark of issue 4: `steward serve` on loopback taking 1,000-decision batches from a few concurrent
 * clients, on the embedded store and on PostgreSQL — decisions/s sustained, p50/p99 acknowledgement latency, the
 * server's RSS over time — then a crash test (SIGKILL during ingest, N times; every acknowledged decision present,
 * the ledger verifies). It stops by itself and writes the ingest section of BENCHMARKS.md.
 *
 *   node bench/ingest.ts [--seconds 60 | --minutes 10] [--clients 4] [--crashes 20] [--no-pg]
 *                        [--pg postgres://postgres@127.0.0.1:5432/postgres] [--out BENCHMARKS.md]
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openLedger } from '../src/app/index.ts';
import { runCli } from '../test/e2e/cli.ts';
import { crashRounds, prepareStore, serve } from '../test/e2e/ingest-helpers.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    minutes: { type: 'string' },
    clients: { type: 'string', default: '4' },
    crashes: { type: 'string', default: '20' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'no-pg': { type: 'boolean', default: false },
    out: { type: 'string', default: 'BENCHMARKS.md' },
  },
});
const seconds = values.minutes === undefined ? Number(values.seconds) : Number(values.minutes) * 60;
const clients = Number(values.clients);
/** The below-capacity phase: half the load time, at most 2 minutes (latency percentiles settle well before). */
const pacedSeconds = Math.min(seconds / 2, 120);
const BATCH = 1_000;

interface LoadFigures {
  readonly store: string;
  readonly decisions: number;
  readonly seconds: number;
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly refused: number;
  /** RSS of the server in MiB, sampled every 5 s. */
  readonly rss: number[];
  /** The server's CPU time (user + system) per acknowledged decision during saturation, in µs: unlike the rate, it
   * hardly moves when other work shares the machine, so it compares builds measured under different loads. */
  readonly cpuPerDecision: number;
  /** Latency at half the saturated rate, open loop. */
  readonly paced: { readonly rate: number; readonly p50: number; readonly p99: number };
}

/** One JSON body of BATCH decisions with fresh ids, built as text (the client must not be the bottleneck). */
function body(prefix: string): string {
  const timestamp = new Date().toISOString();
  const parts: string[] = [];
  for (let k = 0; k < BATCH; k++) {
    parts.push(`{"decision_id":"${prefix}-${k}","model":"credit","version":"1.0.0","timestamp":"${timestamp}","features":{"income":${k},"region":${k % 7}},"prediction":${k % 2},"score":${(k % 100) / 100},"sensitive":{"sex":"${k % 2 === 0 ? 'f' : 'm'}"}}`);
  }
  return `[${parts.join(',')}]`;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** CPU seconds (user + system) a process used so far, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
function cpuSeconds(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function load(label: string, store: string, folder: string): Promise<LoadFigures> {
  const token = await prepareStore(store, folder);
  const server = await serve(store);
  const latencies: number[] = [];
  const rss: number[] = [];
  let refused = 0;
  const cpuBefore = cpuSeconds(server.child.pid as number);
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  const sampler = setInterval(() => rss.push(rssMiB(server.child.pid as number)), 5_000);
  const client = async (c: number): Promise<void> => {
    for (let b = 0; performance.now() < stopAt; b++) {
      const text = body(`${label}-${c}-${b}`);
      const sent = performance.now();
      const response = await fetch(`${server.url}/v1/decisions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: text });
      await response.arrayBuffer();
      if (response.status === 200) latencies.push(performance.now() - sent);
      else if (response.status === 429) refused++;
      else throw new Error(`ingest answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(server.child.pid as number) - cpuBefore;
  const sorted = [...latencies].sort((a, b) => a - b);
  const decisions = latencies.length * BATCH;
  const rate = decisions / elapsed;
  const paced = await pacedLatency(server.url, token, label, rate / 2, pacedSeconds);
  clearInterval(sampler);
  server.child.kill('SIGTERM');
  await server.exited;
  return { store: label, decisions, seconds: elapsed, rate, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), refused, rss, cpuPerDecision: (1e6 * cpu) / Math.max(decisions, 1), paced };
}

/**
 * Acknowledgement latency below capacity: batches sent open-loop (one every 1000·BATCH/rate ms, not waiting for the
 * previous answer) at `rate` decisions/s. The saturation phase measures throughput; its latency is mostly queueing
 * behind the other clients' batches (closed loop), so this phase is the one that says how fast an answer comes.
 */
async function pacedLatency(url: string, token: string, label: string, rate: number, duration: number): Promise<{ rate: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const interval = (1000 * BATCH) / rate;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let b = 0; performance.now() - started < duration * 1000; b++) {
    const text = body(`${label}-paced-${b}`);
    const sent = performance.now();
    inFlight.push(
      fetch(`${url}/v1/decisions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: text }).then(async (response) => {
        await response.arrayBuffer();
        if (response.status === 200) latencies.push(performance.now() - sent);
      }),
    );
    const next = started + (b + 1) * interval;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await Promise.all(inFlight);
  const sorted = latencies.sort((a, b) => a - b);
  return { rate, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

async function crash(rounds: number, folder: string): Promise<{ rounds: number; acknowledged: number; present: number; verified: boolean }> {
  const store = join(folder, 'crash.db');
  const token = await prepareStore(store, folder);
  const acknowledged = await crashRounds(store, token, rounds, clients, BATCH);
  const verify = await runCli(['verify', '--store', store]);
  const ledger = await openLedger({ store });
  const present = (await ledger.store.decisions.existingDecisions(acknowledged)).size;
  await ledger.close();
  return { rounds, acknowledged: acknowledged.length, present, verified: verify.code === 0 };
}

const folder = mkdtempSync(join(tmpdir(), 'steward-bench-ingest-'));
const loadBefore = loadavg()[0] ?? 0;
const figures: LoadFigures[] = [];
let crashed: Awaited<ReturnType<typeof crash>> | undefined;
try {
  figures.push(await load('embedded', join(folder, 'steward.db'), folder));
  if (!values['no-pg']) {
    const database = `steward_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: values.pg });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    try {
      const url = new URL(values.pg);
      url.pathname = `/${database}`;
      figures.push(await load('postgres', url.toString(), folder));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
  crashed = await crash(Number(values.crashes), folder);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
/** RSS samples (every 5 s over both phases) in four numbers: after warm-up, a third in, at the end, the peak. */
const rssSummary = (rss: readonly number[]): string => [rss[Math.min(11, rss.length - 1)], rss[Math.floor(rss.length / 3)], rss.at(-1), Math.max(...rss)].join(', ');
const embedded = figures[0] as LoadFigures;
const flat = (rss: readonly number[]): boolean => rss.length < 3 || (rss.at(-1) as number) <= 1.2 * (rss[Math.floor(rss.length / 3)] as number);
const command = `node bench/ingest.ts ${values.minutes === undefined ? `--seconds ${seconds}` : `--minutes ${values.minutes}`} --clients ${clients} --crashes ${values.crashes}${values['no-pg'] ? ' --no-pg' : ''}`;
const lines = [
  '## Decision ingest (POST /v1/decisions)',
  '',
  `Command: \`${command}\` — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}.`,
  `${clients} concurrent clients on loopback, 1,000-decision JSON batches, each acknowledged only when durable (SQLite synchronous = FULL) and ledgered.`,
  `The clients run on the same machine as the server. 1-minute load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after (above the core count, other work shared the machine).`,
  '',
  'Saturation (closed loop: each client sends its next batch when the previous one is acknowledged, so latency here is',
  'mostly waiting behind the other clients\' batches):',
  '',
  '| store | decisions | seconds | decisions/s | p50 ack (ms) | p99 ack (ms) | 429 answers | server CPU µs/decision | server RSS MiB: at 1 min, at ⅓, at the end, max |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ...figures.map((f) => `| ${f.store} | ${f.decisions} | ${f.seconds.toFixed(1)} | ${Math.round(f.rate)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.refused} | ${f.cpuPerDecision.toFixed(1)} | ${rssSummary(f.rss)} |`),
  '',
  `Below capacity (open loop, one batch at a fixed interval for ${pacedSeconds} s, at half the saturated rate):`,
  '',
  '| store | offered decisions/s | p50 ack (ms) | p99 ack (ms) |',
  '|---|---:|---:|---:|',
  ...figures.map((f) => `| ${f.store} | ${Math.round(f.paced.rate)} | ${f.paced.p50.toFixed(1)} | ${f.paced.p99.toFixed(1)} |`),
  '',
  'Targets:',
  `- ≥ 50,000 decisions/s sustained on the embedded store: ${met(embedded.rate >= 50_000)} (${Math.round(embedded.rate)}/s).`,
  `- p99 acknowledgement < 50 ms: ${met(embedded.paced.p99 < 50)} on the embedded store below capacity (${embedded.paced.p99.toFixed(1)} ms at ${Math.round(embedded.paced.rate)}/s); at saturation ${embedded.p99.toFixed(1)} ms.`,
  `- memory flat over 10 minutes: ${seconds >= 600 ? met(flat(embedded.rss)) : `not measured over 10 minutes (this run: ${seconds} s; RSS ${flat(embedded.rss) ? 'flat' : 'growing'} over it)`}.`,
  '',
  crashed === undefined
    ? 'Crash test: not run.'
    : `Crash test: SIGKILL during ingest ${crashed.rounds} times (embedded store, restart after each): ${crashed.acknowledged} decisions acknowledged, ${crashed.present} present afterwards; \`steward verify\` ${crashed.verified ? 'passed' : 'FAILED'}.`,
];
const start = '<!-- ingest:start -->';
const end = '<!-- ingest:end -->';
const block = `${start}\n${lines.join('\n')}\n${end}`;
const current = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '# Benchmarks\n';
const from = current.indexOf(start);
const to = current.indexOf(end);
writeFileSync(values.out, from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`);
console.log(lines.join('\n'));
