import { resolve } from 'node:path';
import { fail } from '../core/errors.ts';

/** Where the embedded store lives when no `--store` / `STEWARD_STORE` is given (DESIGN.md, Principle 5). */
export const DEFAULT_SQLITE_PATH = '.steward/steward.db';

export type StoreTarget =
  | { readonly dialect: 'sqlite'; readonly path: string; readonly display: string }
  | { readonly dialect: 'postgres'; readonly url: string; readonly display: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * Tells the store from its address: nothing or a file path → SQLite (relative paths resolved against `cwd`);
 * `postgres://` or `postgresql://` → PostgreSQL. Any other scheme is refused rather than read as a file name.
 * `display` is what messages show: the path as given, or the URL without its password.
 */
export function parseStoreUrl(url: string | undefined, cwd: string): StoreTarget {
  const given = url === undefined || url.trim() === '' ? DEFAULT_SQLITE_PATH : url;
  const scheme = SCHEME.exec(given)?.[1]?.toLowerCase();
  if (scheme === undefined) return { dialect: 'sqlite', path: resolve(cwd, given), display: given };
  if (scheme !== 'postgres' && scheme !== 'postgresql') {
    fail('STORE_UNSUPPORTED_URL', `the store address ${redactUrl(given)} has the unsupported scheme ${scheme}://`, {
      expected: 'a file path for the embedded SQLite store, or a postgres:// / postgresql:// URL',
    });
  }
  if (!URL.canParse(given)) {
    fail('STORE_UNSUPPORTED_URL', `the store address ${redactUrl(given)} is not a valid URL`, {
      expected: 'postgres://user@host:port/database',
    });
  }
  return { dialect: 'postgres', url: given, display: redactUrl(given) };
}

const SECRET_PARAM = /pass|secret|token|key/i;

/**
 * The URL with its password (and any query parameter that looks like a secret) replaced by `***`, safe to print.
 * A string that is not a URL is reduced to its scheme, since where a password would be cannot be told.
 */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) {
    const scheme = SCHEME.exec(url)?.[1];
    return scheme === undefined ? '(unparsable address)' : `${scheme}://(unparsable URL)`;
  }
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, '***');
  }
  return parsed.toString();
}
