import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactUrl } from '../../src/store/index.ts';
import type { StoreHarness } from './harness.ts';

/** The server the PostgreSQL tests use: STEWARD_TEST_PG, or the local trust-auth default. */
export const adminUrl = process.env.STEWARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether the admin URL answers, checked once when the test file loads (so the skip can be decided up front). */
export async function probePostgres(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `no PostgreSQL at ${redactUrl(adminUrl)} (${(error as { code?: string }).code ?? String(error)})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A throwaway database `steward_test_<random>` for this test run (`setup` creates it, `cleanup` drops it); each
 * test gets its own schema in it, selected through the URL's `options=-c search_path=…`.
 */
export function postgresHarness(): StoreHarness & { setup(): Promise<void>; cleanup(): Promise<void> } {
  const database = `steward_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const base = url.toString();
  let next = 0;
  return {
    dialect: 'postgres',
    setup: () => admin((client) => client.query(`CREATE DATABASE ${database}`)).then(() => undefined),
    cleanup: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).then(() => undefined),
    async freshUrl() {
      const schema = `s${next++}`;
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`).finally(() => client.end());
      const fresh = new URL(base);
      fresh.searchParams.set('options', `-c search_path=${schema}`);
      return fresh.toString();
    },
    async sql(storeUrl, text, values = []) {
      const client = new pg.Client({ connectionString: storeUrl });
      await client.connect();
      try {
        let n = 0;
        return (await client.query(text.replace(/\?/g, () => `$${++n}`), [...values])).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    },
  };
}
