import pg from 'pg';
import { StewardError } from '../../core/errors.ts';

/** Connections per store object: one append transaction at a time (group commit) plus concurrent reads. */
const POOL_SIZE = 4;

/**
 * A pool on the store URL, checked by one round trip so a wrong host, port, database or role fails at open with a
 * coded error rather than at the first append. Messages show `display` (the URL without its password) and the
 * server's or system's error code, never the URL itself.
 */
export async function connectPool(url: string, display: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server is removed from the pool; the next query opens a new one. Without a
  // listener, that 'error' event would crash the process.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw unreachable(error, display);
  }
}

function unreachable(error: unknown, display: string): StewardError {
  const code = (error as { code?: unknown }).code;
  const reason = typeof code === 'string' ? code : 'connection failed';
  return new StewardError(
    {
      code: 'STORE_UNREACHABLE',
      message: `cannot connect to the PostgreSQL store ${display} (${reason})`,
      location: { file: display },
      expected: 'a reachable PostgreSQL server, an existing database and a role allowed to log in',
      hint: 'check host, port, database name and credentials in the store URL',
    },
    { cause: error },
  );
}
