import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens look like `stw_<43 base64url characters>`: 32 random bytes, and a prefix secret scanners can match. */
const TOKEN_FORM = /^stw_[A-Za-z0-9_-]{43}$/;

/** A new token: 256 bits from the OS CSPRNG, so guessing one is out of reach and no key stretching is needed. */
export function newTokenSecret(): string {
  return `stw_${randomBytes(32).toString('base64url')}`;
}

/** A public id for a token (safe to log, show and revoke by). */
export function newTokenId(): string {
  return `tok_${randomBytes(8).toString('hex')}`;
}

export function hasTokenForm(value: string): boolean {
  return TOKEN_FORM.test(value);
}

/** SHA-256 of the token text: what the store keeps and looks tokens up by. */
export function tokenHash(token: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(token, 'utf8').digest());
}

/**
 * Compares two hashes in constant time. The lookup is by hash (an attacker cannot steer a SHA-256 prefix), so this
 * is belt and braces: the final equality never leaks, through timing, how much of a hash matched.
 */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
