import type { DatabaseSync } from 'node:sqlite';
import { utcInstant } from '../append-items.ts';
import { tokenExists, tokenFromColumns, toTokenRow, type StoredToken, type TokenStore } from '../tokens.ts';
import { sqliteError } from './open-database.ts';
import type { Row } from './rows.ts';

const COLUMNS = 'id, name, role, token_hash, created_at, expires_at, revoked_at';

/** The api_tokens table (migration 2) over the embedded store's connection. */
export class SqliteTokenTable implements TokenStore {
  readonly #db: DatabaseSync;
  readonly #location: string;

  constructor(db: DatabaseSync, location: string) {
    this.#db = db;
    this.#location = location;
  }

  async saveToken(token: StoredToken): Promise<void> {
    const row = toTokenRow(token);
    return this.#run(() => {
      const result = this.#db
        .prepare('INSERT INTO api_tokens (id, name, role, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(row.id, row.name, row.role, row.hash, row.createdAt, row.expiresAt);
      if (Number(result.changes) !== 1) tokenExists(token, this.#location);
    });
  }

  tokenByHash(hash: Uint8Array): Promise<StoredToken | undefined> {
    return this.#run(() => {
      const row = this.#db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = ?`).get(hash) as Row | undefined;
      return row === undefined ? undefined : toToken(row);
    });
  }

  listTokens(): Promise<StoredToken[]> {
    return this.#run(() => (this.#db.prepare(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`).all() as Row[]).map(toToken));
  }

  async revokeToken(nameOrId: string, at: string): Promise<StoredToken | undefined> {
    const when = utcInstant(at, 'revokedAt');
    return this.#run(() => {
      this.#db.prepare('UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE name = ? OR id = ?').run(when, nameOrId, nameOrId);
      const row = this.#db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE name = ? OR id = ?`).get(nameOrId, nameOrId) as Row | undefined;
      return row === undefined ? undefined : toToken(row);
    });
  }

  #run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(sqliteError(error, this.#location));
    }
  }
}

function toToken(row: Row): StoredToken {
  return tokenFromColumns({
    id: row.id as string,
    name: row.name as string,
    role: row.role as string,
    hash: row.token_hash as Uint8Array,
    createdAt: row.created_at as string,
    expiresAt: row.expires_at as string | null,
    revokedAt: row.revoked_at as string | null,
  });
}
