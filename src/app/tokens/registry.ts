import { fail } from '../../core/index.ts';
import { openStore, type Store, type StoredToken } from '../../store/index.ts';
import { treeHasher } from '../ledger/tree-hasher.ts';
import { parseExpiry } from './expiry.ts';
import { isRole, parseRole, type Role } from './roles.ts';
import { hasTokenForm, newTokenId, newTokenSecret, sameHash, tokenHash } from './secret.ts';

/** A token as anyone may see it: everything but the secret (which is never stored, so never shown). */
export interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
}

/** A new token: its info plus the secret, returned exactly once. */
export interface CreatedToken extends TokenInfo {
  readonly token: string;
}

export interface CreateTokenRequest {
  readonly name: string;
  readonly role: string;
  /** `30d`, `12h`, or an RFC 3339 time; absent: never expires. */
  readonly expires?: string;
  readonly now: Date;
}

/** The outcome of checking a bearer token: the caller or a coded reason (a finding, not an exception). */
export type Authentication =
  | { readonly ok: true; readonly token: TokenInfo }
  | { readonly ok: false; readonly code: 'AUTH_INVALID_TOKEN' | 'AUTH_TOKEN_EXPIRED' | 'AUTH_TOKEN_REVOKED'; readonly message: string };

const NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** `steward token create|list|revoke` and the server's bearer auth, over the store's token table. */
export class TokenRegistry {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Where the tokens live (file path or URL without password), for messages. */
  get location(): string {
    return this.#store.location;
  }

  async create(request: CreateTokenRequest): Promise<CreatedToken> {
    if (!NAME.test(request.name)) {
      fail('TOKEN_INVALID_NAME', `token name ${JSON.stringify(request.name)} is not allowed`, {
        location: { path: 'name' },
        expected: '1 to 64 letters, digits, ".", "_" or "-"',
      });
    }
    const role = parseRole(request.role);
    const token = newTokenSecret();
    const stored: StoredToken = {
      id: newTokenId(),
      name: request.name,
      role,
      hash: tokenHash(token),
      createdAt: request.now.toISOString(),
      ...(request.expires === undefined ? {} : { expiresAt: parseExpiry(request.expires, request.now) }),
    };
    await this.#store.tokens.saveToken(stored);
    return { ...info(stored), token };
  }

  async list(): Promise<TokenInfo[]> {
    return (await this.#store.tokens.listTokens()).map(info);
  }

  async revoke(nameOrId: string, now: Date): Promise<TokenInfo> {
    const revoked = await this.#store.tokens.revokeToken(nameOrId, now.toISOString());
    if (revoked === undefined) {
      fail('TOKEN_UNKNOWN', `no token is named or has the id "${nameOrId}" in ${this.location}`, { hint: 'run `steward token list`' });
    }
    return info(revoked);
  }

  /** Checks a bearer token at `now`: unknown, malformed, revoked and expired tokens are refused with their code. */
  async authenticate(token: string, now: Date): Promise<Authentication> {
    if (!hasTokenForm(token)) return { ok: false, code: 'AUTH_INVALID_TOKEN', message: 'the bearer token is not a Steward token (stw_…)' };
    const hash = tokenHash(token);
    const stored = await this.#store.tokens.tokenByHash(hash);
    if (stored === undefined || !sameHash(stored.hash, hash) || !isRole(stored.role)) {
      return { ok: false, code: 'AUTH_INVALID_TOKEN', message: 'the bearer token is not known to this server' };
    }
    if (stored.revokedAt !== undefined) return { ok: false, code: 'AUTH_TOKEN_REVOKED', message: `token "${stored.name}" was revoked at ${stored.revokedAt}` };
    if (stored.expiresAt !== undefined && Date.parse(stored.expiresAt) <= now.getTime()) {
      return { ok: false, code: 'AUTH_TOKEN_EXPIRED', message: `token "${stored.name}" expired at ${stored.expiresAt}` };
    }
    return { ok: true, token: info(stored) };
  }

  /** Readiness: the store answers a query (its migrations were applied when it was opened). */
  async ping(): Promise<void> {
    await this.#store.size();
  }

  close(): Promise<void> {
    return this.#store.close();
  }
}

export interface OpenTokensOptions {
  /** A SQLite path or postgres:// URL; default `.steward/steward.db` (the CLI passes --store / STEWARD_STORE). */
  readonly store?: string;
  readonly cwd?: string;
}

/** Opens the store (applying pending migrations, so the token table exists) and the registry over it. */
export async function openTokenRegistry(options: OpenTokensOptions = {}): Promise<TokenRegistry> {
  const store = await openStore(options.store, options.cwd === undefined ? { hasher: treeHasher } : { hasher: treeHasher, cwd: options.cwd });
  return new TokenRegistry(store);
}

function info(token: StoredToken): TokenInfo {
  const { hash: _hash, role, ...rest } = token;
  return { ...rest, role: role as Role };
}
