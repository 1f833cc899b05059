import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { adminUrl, probePostgres } from '../store/postgres-harness.ts';
import { runCli } from './cli.ts';
import { batchOf, postBatch, prepareStore, serve } from './ingest-helpers.ts';

const probe = await probePostgres();
const required = process.env.CI === 'true';

test('PostgreSQL is reachable for the two-replica ingest test (required when CI=true)', () => {
  if (!probe.ok && required) assert.fail(probe.reason);
  if (!probe.ok) console.log(`# skipping the two-replica ingest test: ${probe.reason}`);
});

test('two steward serve replicas on one PostgreSQL store keep one ledger: no gap, no duplicate, every acknowledged decision stored', { skip: !probe.ok, timeout: 240_000 }, async () => {
  const database = `steward_ingest_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const store = url.toString();
  const folder = mkdtempSync(join(tmpdir(), 'steward-replicas-'));
  const replicas = [] as Awaited<ReturnType<typeof serve>>[];
  try {
    const token = await prepareStore(store, folder);
    replicas.push(await serve(store), await serve(store));
    const acknowledged: string[] = [];
    const send = async (b: number): Promise<void> => {
      const batch = batchOf(`b${b}`, 500);
      const result = await postBatch((replicas[b % 2] as { url: string }).url, token, batch);
      assert.equal(result.accepted + result.duplicates, 500);
      if (result.accepted === 500) acknowledged.push(...batch.map((d) => (d as { decision_id: string }).decision_id));
    };
    const shared = batchOf('shared', 500);
    const [left, right, ...rest] = await Promise.all([
      postBatch((replicas[0] as { url: string }).url, token, shared),
      postBatch((replicas[1] as { url: string }).url, token, shared),
      ...Array.from({ length: 20 }, (_, b) => send(b)),
      ...Array.from({ length: 4 }, (_, k) => runCli(['record', 'version', `credit@2.0.${k}`, '--artifact', join(folder, 'model.bin'), '--store', store])),
    ]);
    assert.equal((left as { accepted: number }).accepted + (right as { accepted: number }).accepted, 500, 'the same batch sent to both replicas is stored once');
    assert.equal(acknowledged.length, 20 * 500);
    const records = rest.filter((item) => item !== undefined && 'code' in item) as { code: number; stderr: string }[];
    assert.deepEqual(records.map((r) => r.code), [0, 0, 0, 0], records.map((r) => r.stderr).join('\n'));
    for (const replica of replicas) replica.child.kill('SIGTERM');
    assert.deepEqual(await Promise.all(replicas.map((replica) => replica.exited)), [0, 0]);
    const verify = await runCli(['verify', '--store', store]);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    const client = new pg.Client({ connectionString: store });
    await client.connect();
    try {
      const { rows: [counts] } = await client.query<{ leaves: string; top: string; size: string; decisions: string; present: string; orphans: string }>(
        `SELECT (SELECT count(*) FROM ledger_leaves) AS leaves, (SELECT max(idx) FROM ledger_leaves) AS top, (SELECT size FROM ledger_state) AS size,
                (SELECT count(*) FROM decisions) AS decisions, (SELECT count(*) FROM decisions WHERE id = ANY($1::text[])) AS present,
                (SELECT count(*) FROM decisions d LEFT JOIN ledger_leaves l ON l.idx = d.ledger_index AND l.kind = 'decisions' WHERE l.idx IS NULL) AS orphans`,
        [acknowledged],
      );
      assert.equal(Number(counts?.leaves), Number(counts?.size), 'no gap: as many leaves as the log size');
      assert.equal(Number(counts?.top), Number(counts?.size) - 1);
      assert.equal(Number(counts?.present), acknowledged.length, 'every acknowledged decision is stored');
      assert.equal(Number(counts?.decisions), acknowledged.length + 500, 'nothing stored twice');
      assert.equal(Number(counts?.orphans), 0, 'every stored decision points at a decisions leaf');
    } finally {
      await client.end();
    }
  } finally {
    for (const replica of replicas) replica.child.kill('SIGKILL');
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    rmSync(folder, { recursive: true, force: true });
  }
});
