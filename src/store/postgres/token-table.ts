import type pg from 'pg';
import { utcInstant } from '../append-items.ts';
import { tokenExists, tokenFromColumns, toTokenRow, type StoredToken, type TokenStore } from '../tokens.ts';
import { bytes, instant, type Row } from './rows.ts';

const COLUMNS = 'id, name, role, token_hash, created_at, expires_at, revoked_at';

/** The api_tokens table (migration 2) on the shared store: every replica sees a revocation at its next request. */
export class PostgresTokenTable implements TokenStore {
  readonly #pool: pg.Pool;
  readonly #location: string;

  constructor(pool: pg.Pool, location: string) {
    this.#pool = pool;
    this.#location = location;
  }

  async saveToken(token: StoredToken): Promise<void> {
    const row = toTokenRow(token);
    const result = await this.#pool.query(
      'INSERT INTO api_tokens (id, name, role, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
      [row.id, row.name, row.role, Buffer.from(row.hash), row.createdAt, row.expiresAt],
    );
    if (result.rowCount !== 1) tokenExists(token, this.#location);
  }

  async tokenByHash(hash: Uint8Array): Promise<StoredToken | undefined> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1`, [Buffer.from(hash)]);
    return rows[0] === undefined ? undefined : toToken(rows[0]);
  }

  async listTokens(): Promise<StoredToken[]> {
    const { rows } = await this.#pool.query<Row>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`);
    return rows.map(toToken);
  }

  async revokeToken(nameOrId: string, at: string): Promise<StoredToken | undefined> {
    const { rows } = await this.#pool.query<Row>(
      `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE name = $2 OR id = $2 RETURNING ${COLUMNS}`,
      [utcInstant(at, 'revokedAt'), nameOrId],
    );
    return rows[0] === undefined ? undefined : toToken(rows[0]);
  }
}

function toToken(row: Row): StoredToken {
  return tokenFromColumns({
    id: row.id as string,
    name: row.name as string,
    role: row.role as string,
    hash: bytes(row.token_hash),
    createdAt: instant(row.created_at),
    expiresAt: row.expires_at === null ? null : instant(row.expires_at),
    revokedAt: row.revoked_at === null ? null : instant(row.revoked_at),
  });
}
