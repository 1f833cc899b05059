import { createPrivateKey, randomBytes } from 'node:crypto';
import { fail, isStewardError } from '../../core/index.ts';
import { generateLedgerKey, parseVerifierKey, type LedgerSigningKey } from '../../ledger/index.ts';
import type { Store, StoredKey } from '../../store/index.ts';

/**
 * The ledger key in the store. One slot, `ledger`: its public half is the C2SP verifier key (whose name is the
 * log's origin), its private half the PKCS#8 PEM — encrypted with AES-256-CBC under a passphrase when one is given
 * (STEWARD_KEY_PASSPHRASE, read by the CLI). The private key is never returned to callers, printed or exported.
 */
export const KEY_SLOT = 'ledger';

export interface LedgerIdentity {
  readonly origin: string;
  /** `<origin>+<key ID>+<base64 public key>`: what verifiers need. */
  readonly verifierKey: string;
}

/** A default origin that is unique per store: `steward.local/<12 hex digits>`. */
export function defaultOrigin(): string {
  return `steward.local/${randomBytes(6).toString('hex')}`;
}

/** Creates the key unless one exists; `created` says which. Keys are never replaced. */
export async function ensureKey(
  store: Store,
  origin: string | undefined,
  passphrase: string | undefined,
  now: Date,
): Promise<LedgerIdentity & { created: boolean }> {
  const existing = await identityOf(store);
  if (existing !== undefined) return refuseOtherOrigin(existing, origin);
  const key = generateLedgerKey(origin ?? defaultOrigin());
  const pem = passphrase === undefined || passphrase === '' ? key.privateKeyPem : encrypt(key.privateKeyPem, passphrase);
  const row: StoredKey = { name: KEY_SLOT, publicKey: key.verifierKey, privateKey: new TextEncoder().encode(pem), createdAt: now.toISOString() };
  try {
    await store.saveKey(row);
  } catch (error) {
    // Another process initialised the same store between our read and our write: report its key.
    const raced = isStewardError(error) && error.code === 'STORE_KEY_EXISTS' ? await identityOf(store) : undefined;
    if (raced === undefined) throw error;
    return refuseOtherOrigin(raced, origin);
  }
  return { origin: key.name, verifierKey: key.verifierKey, created: true };
}

function refuseOtherOrigin(existing: LedgerIdentity, origin: string | undefined): LedgerIdentity & { created: false } {
  if (origin !== undefined && origin !== existing.origin) {
    fail('STORE_KEY_EXISTS', `the store already has a ledger key for origin ${existing.origin}; it is never replaced`, {
      expected: `no --origin, or --origin ${existing.origin}`,
    });
  }
  return { ...existing, created: false };
}

/** The public identity, or undefined before `steward init`. */
export async function identityOf(store: Store): Promise<LedgerIdentity | undefined> {
  const key = await store.loadKey(KEY_SLOT);
  if (key === undefined) return undefined;
  return { origin: parseVerifierKey(key.publicKey).name, verifierKey: key.publicKey };
}

/** The signing key, decrypted in memory only; LEDGER_NOT_INITIALIZED before init, LEDGER_KEY_LOCKED if locked. */
export async function signingKeyOf(store: Store, passphrase: string | undefined): Promise<LedgerSigningKey> {
  const key = await store.loadKey(KEY_SLOT);
  if (key === undefined) {
    fail('LEDGER_NOT_INITIALIZED', `the store ${store.location} has no ledger key`, { hint: 'run `steward init` with the same --store first' });
  }
  const pem = new TextDecoder().decode(key.privateKey);
  const name = parseVerifierKey(key.publicKey).name;
  if (!pem.includes('ENCRYPTED')) return { name, privateKeyPem: pem };
  if (passphrase === undefined || passphrase === '') {
    fail('LEDGER_KEY_LOCKED', 'the ledger key is encrypted and no passphrase was given', { hint: 'set STEWARD_KEY_PASSPHRASE' });
  }
  try {
    const plain = createPrivateKey({ key: pem, format: 'pem', passphrase }).export({ format: 'pem', type: 'pkcs8' }).toString();
    return { name, privateKeyPem: plain };
  } catch {
    return fail('LEDGER_KEY_LOCKED', 'the ledger key could not be decrypted with the given passphrase', { hint: 'check STEWARD_KEY_PASSPHRASE' });
  }
}

function encrypt(pem: string, passphrase: string): string {
  return createPrivateKey(pem).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase }).toString();
}
