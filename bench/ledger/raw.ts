import { rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';

/**
 * The raw limits of appending: the same leaf bytes inserted into a bare table (index, bytes) in transactions of
 * `batch` rows, as durable as the ledger (SQLite WAL with synchronous = FULL; PostgreSQL's default commit), with no
 * hashing, no tree nodes, no validation. `leavesOf(from, to)` yields the bytes; only the inserts are timed.
 */
export type LeafSource = (from: number, to: number) => Uint8Array[];

export function rawSqliteRate(path: string, count: number, batch: number, leavesOf: LeafSource): number {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('CREATE TABLE raw (idx INTEGER PRIMARY KEY, leaf BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO raw (idx, leaf) VALUES (?, ?)');
    let timed = 0;
    for (let at = 0; at < count; at += batch) {
      const leaves = leavesOf(at, Math.min(at + batch, count));
      const start = performance.now();
      db.exec('BEGIN IMMEDIATE');
      leaves.forEach((leaf, j) => insert.run(at + j, leaf));
      db.exec('COMMIT');
      timed += performance.now() - start;
    }
    return count / (timed / 1000);
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

/** PostgreSQL: one INSERT … SELECT FROM unnest per transaction, the bytes packed into one binary parameter. */
export async function rawPostgresRate(url: string, count: number, batch: number, leavesOf: LeafSource): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS raw');
    await client.query('CREATE TABLE raw (idx bigint PRIMARY KEY, leaf bytea NOT NULL)');
    let timed = 0;
    for (let at = 0; at < count; at += batch) {
      const leaves = leavesOf(at, Math.min(at + batch, count));
      const offsets: number[] = [];
      const lengths: number[] = [];
      let total = 0;
      for (const leaf of leaves) {
        offsets.push(total);
        lengths.push(leaf.length);
        total += leaf.length;
      }
      const bytes = Buffer.concat(leaves, total);
      const start = performance.now();
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO raw (idx, leaf) SELECT $1::bigint + u.ord - 1, substring($2::bytea FROM u.off + 1 FOR u.len)
         FROM unnest($3::integer[], $4::integer[]) WITH ORDINALITY AS u (off, len, ord)`,
        [at, bytes, offsets, lengths],
      );
      await client.query('COMMIT');
      timed += performance.now() - start;
    }
    await client.query('DROP TABLE raw');
    return count / (timed / 1000);
  } finally {
    await client.end();
  }
}
