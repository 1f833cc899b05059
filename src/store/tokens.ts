import { fail } from '../core/errors.ts';
import { utcInstant } from './append-items.ts';

/**
 * One API token as stored: never the token itself, only the SHA-256 of its secret. A token that leaks from a backup
 * of the store is therefore useless, and `steward token list` has nothing secret to show.
 */
export interface StoredToken {
  /** Public identifier (`tok_…`), safe to log and to show. */
  readonly id: string;
  /** Unique name given by the admin, e.g. `ci-pipeline`. */
  readonly name: string;
  /** The role name; the app checks it is one it knows. */
  readonly role: string;
  /** SHA-256 of the whole token string, 32 bytes. */
  readonly hash: Uint8Array;
  /** UTC, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly createdAt: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

/** The token table of a store; both dialects implement it (sqlite/token-table.ts, postgres/token-table.ts). */
export interface TokenStore {
  /** Saves a new token; a name or id already stored (revoked ones included) is refused with STORE_TOKEN_EXISTS. */
  saveToken(token: StoredToken): Promise<void>;
  /** The token whose secret hashes to `hash`, revoked or expired ones included (the caller decides). */
  tokenByHash(hash: Uint8Array): Promise<StoredToken | undefined>;
  /** Every token, oldest first. */
  listTokens(): Promise<StoredToken[]>;
  /**
   * Marks the token with this name or id revoked at `at` (a token already revoked keeps its first revocation time)
   * and returns it; undefined when no token has that name or id.
   */
  revokeToken(nameOrId: string, at: string): Promise<StoredToken | undefined>;
}

/** The row a dialect writes: times normalised to UTC, absent times as null. */
export interface TokenRow {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly hash: Uint8Array;
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

/** Checks a token before it is written, so both dialects refuse the same malformed input with the same code. */
export function toTokenRow(token: StoredToken): TokenRow {
  for (const field of ['id', 'name', 'role'] as const) {
    if (typeof token[field] !== 'string' || token[field] === '') {
      fail('STORE_INVALID_APPEND', `token field ${field} is missing or empty`, { location: { path: field }, expected: 'a non-empty string' });
    }
  }
  if (!(token.hash instanceof Uint8Array) || token.hash.length !== 32) {
    fail('STORE_INVALID_APPEND', 'token field hash is not a SHA-256 digest', { location: { path: 'hash' }, expected: '32 bytes' });
  }
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    hash: token.hash,
    createdAt: utcInstant(token.createdAt, 'createdAt'),
    expiresAt: token.expiresAt === undefined ? null : utcInstant(token.expiresAt, 'expiresAt'),
  };
}

export function tokenExists(token: StoredToken, location: string): never {
  fail('STORE_TOKEN_EXISTS', `a token named "${token.name}" (or with id ${token.id}) is already stored in ${location}`, {
    hint: 'token names are unique, revoked tokens included; choose another name',
  });
}

/** Builds a StoredToken from column values (null for absent times). */
export function tokenFromColumns(columns: TokenRow & { readonly revokedAt: string | null }): StoredToken {
  const { expiresAt, revokedAt, ...rest } = columns;
  return {
    ...rest,
    ...(expiresAt === null ? {} : { expiresAt }),
    ...(revokedAt === null ? {} : { revokedAt }),
  };
}
