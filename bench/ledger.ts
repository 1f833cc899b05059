/**
 * The ledger benchmark of issue 3: durable batched append on SQLite and PostgreSQL beside bare inserts of the same
 * bytes, full verification beside plain SHA-256 of the same leaves on every core, and inclusion-proof latency — all
 * in one run — written into the ledger section of BENCHMARKS.md.
 *
 *   node bench/ledger.ts [--events 1000000] [--budget-min 8] [--pg postgres://postgres@127.0.0.1:5432/postgres]
 *                        [--no-pg] [--out BENCHMARKS.md]
 *
 * Each append phase stops early (and says so in the report) when its projected time exceeds --budget-min minutes,
 * so `--events 10000000` finishes in bounded time on a slow store. Work files go to a temporary folder, removed at
 * the end; PostgreSQL gets a throwaway database, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { initLedger, openLedger, verifyBundle, type Ledger } from '../src/app/index.ts';
import { canonicalJson } from '../src/core/index.ts';
import { benchEvent } from './ledger/events.ts';
import { proofLatency, timed, timedAppend } from './ledger/phases.ts';
import { rawPostgresRate, rawSqliteRate } from './ledger/raw.ts';
import { ledgerReport, type LedgerFigures, type StoreFigures } from './ledger/report.ts';
import { writeLedgerSection } from './ledger/section.ts';
import { plainShaRate } from './ledger/sha.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    'budget-min': { type: 'string', default: '8' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    'no-pg': { type: 'boolean', default: false },
    out: { type: 'string', default: 'BENCHMARKS.md' },
  },
});
const events = Number(values.events);
const budgetSeconds = Number(values['budget-min']) * 60;
const encoder = new TextEncoder();
const leavesOf = (from: number, to: number): Uint8Array[] => Array.from({ length: to - from }, (_, j) => encoder.encode(canonicalJson(benchEvent(from + j))));
const log = (text: string): void => console.log(`[ledger bench] ${text}`);

async function measureStore(name: StoreFigures['name'], store: string, cwd: string, raw: (count: number) => Promise<number> | number): Promise<StoreFigures> {
  await initLedger({ store, cwd, origin: 'bench.steward.local/ledger' });
  const ledger = await openLedger({ store, cwd });
  try {
    log(`${name}: appending up to ${events.toLocaleString('en-US')} events`);
    const append = await timedAppend(ledger, 0, events, budgetSeconds);
    log(`${name}: ${Math.round(append.rate)} events/s appended (${append.appended} events)`);
    await ledger.checkpoint();
    const verify = await measureVerify(ledger);
    log(`${name}: verify ${Math.round(append.appended / verify.seconds)} events/s`);
    const proof = await proofLatency(ledger, append.appended, 1000, 6962);
    log(`${name}: inclusion proof p50 ${proof.p50.toFixed(3)} ms, p99 ${proof.p99.toFixed(3)} ms`);
    const rawRate = await raw(append.appended);
    log(`${name}: raw inserts ${Math.round(rawRate)} rows/s`);
    return { name, append, rawRate, verifyRate: append.appended / verify.seconds, verifyCpuSeconds: verify.cpuSeconds, proof };
  } finally {
    await ledger.close();
  }
}

async function measureVerify(ledger: Ledger): Promise<{ seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const run = await timed(() => ledger.verify());
  if (!run.value.ok) throw new Error(`the benchmark log does not verify: ${JSON.stringify(run.value)}`);
  const used = process.cpuUsage(cpu);
  return { seconds: run.seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function withThrowawayDatabase<T>(adminUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `steward_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  log(`PostgreSQL: throwaway database ${name} (dropped at the end)`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const work = mkdtempSync(join(tmpdir(), 'steward-ledger-bench-'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(work, { recursive: true, force: true }); // a throwaway PostgreSQL database, if any, is named in the log
    process.exit(130);
  });
}
const loadBefore = loadavg()[0] ?? 0;
try {
  const stores: StoreFigures[] = [];
  const sqliteDir = join(work, 'sqlite');
  const sqlite = await measureStore('SQLite', join(sqliteDir, 'steward.db'), sqliteDir, (count) => rawSqliteRate(join(work, 'raw.db'), count, 10_000, leavesOf));
  stores.push(sqlite);

  let bundleRate: number | undefined;
  if (sqlite.append.appended <= 2_000_000) {
    const ledger = await openLedger({ store: join(sqliteDir, 'steward.db'), cwd: sqliteDir });
    await ledger.exportBundle(join(work, 'bundle.jsonl')).finally(() => ledger.close());
    const run = await timed(() => verifyBundle(join(work, 'bundle.jsonl'), work));
    if (!run.value.ok) throw new Error(`the exported bundle does not verify: ${JSON.stringify(run.value)}`);
    bundleRate = sqlite.append.appended / run.seconds;
    log(`bundle: verify ${Math.round(bundleRate)} events/s`);
    rmSync(join(work, 'bundle.jsonl'));
  }

  const shaLeaves = leavesOf(0, Math.min(sqlite.append.appended, 1_000_000));
  const threads = availableParallelism();
  const sha = { leaves: shaLeaves.length, threads, ...(await plainShaRate(shaLeaves, threads)) };
  log(`plain SHA-256: ${Math.round(sha.oneThread)}/s on one thread, ${Math.round(sha.allThreads)}/s on ${threads}`);

  let pgSkipped: string | undefined;
  if (values['no-pg']) {
    pgSkipped = '--no-pg was given';
  } else {
    try {
      stores.push(await withThrowawayDatabase(values.pg, (url) => measureStore('PostgreSQL', url, work, (count) => rawPostgresRate(url, count, 10_000, leavesOf))));
    } catch (error) {
      pgSkipped = `PostgreSQL at ${new URL(values.pg).host} failed: ${(error as Error).message}`;
      log(pgSkipped);
    }
  }

  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const figures: LedgerFigures = {
    command: `node bench/ledger.ts --events ${events}${values['budget-min'] === '8' ? '' : ` --budget-min ${values['budget-min']}`}${values['no-pg'] ? ' --no-pg' : ''}`,
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpu}, ${availableParallelism()} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, Node ${process.version}`,
    loadBefore,
    loadAfter: loadavg()[0] ?? 0,
    events,
    stores,
    sha,
    ...(bundleRate === undefined ? {} : { bundleRate }),
    ...(pgSkipped === undefined ? {} : { pgSkipped }),
  };
  writeLedgerSection(values.out, ledgerReport(figures));
  log(`wrote the ledger section of ${values.out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
