import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, type KeyObject } from 'node:crypto';
import { fail } from '../core/errors.ts';
import { bytesEqual, fromBase64Strict, toBase64, toHex } from './bytes.ts';

/**
 * Ed25519 keys in the C2SP signed-note conventions. The verifier key string `<name>+<key ID hex>+<base64(0x01 ‖
 * public key)>` is what a ledger publishes and what a third party needs to check checkpoints offline.
 */

/** C2SP signed-note §Signature types: 0x01 is Ed25519. */
export const ED25519_TYPE = 0x01;

/** The private half, as stored by `steward init` (PKCS#8 PEM) together with the key name it signs as. */
export interface LedgerSigningKey {
  readonly name: string;
  readonly privateKeyPem: string;
}

export interface LedgerKey extends LedgerSigningKey {
  /** `<name>+<key ID hex>+<base64(0x01 ‖ 32-byte public key)>`. */
  readonly verifierKey: string;
}

export interface VerifierKey {
  readonly name: string;
  /** The 4-byte key ID that prefixes each signature. */
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly keyObject: KeyObject;
}

/**
 * C2SP signed-note: key names "MUST be non-empty and MUST NOT contain any Unicode spaces or plus (U+002B)
 * characters"; control characters are refused too, since a note may contain none but newline.
 */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\p{Cc}]/u.test(name);
}

/** C2SP signed-note §Ed25519 signatures: key ID = SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4]. */
export function noteKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  const input = Buffer.concat([Buffer.from(name, 'utf8'), Uint8Array.of(0x0a, ED25519_TYPE), publicKey]);
  return hash('sha256', input, 'buffer').subarray(0, 4);
}

export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  const typed = Buffer.concat([Uint8Array.of(ED25519_TYPE), publicKey]);
  return `${name}+${toHex(noteKeyId(name, publicKey))}+${toBase64(typed)}`;
}

/** Creates a new ledger key. The private key never leaves this object except as the PEM the caller stores. */
export function generateLedgerKey(name: string): LedgerKey {
  if (!isValidKeyName(name)) {
    fail('LEDGER_MALFORMED_KEY', `key name ${JSON.stringify(name)} is not valid`, {
      expected: 'a non-empty name without spaces or "+", e.g. example.com/ledger',
    });
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return { name, privateKeyPem, verifierKey: formatVerifierKey(name, rawPublicKey(publicKey)) };
}

/** The verifier key of a signing key (to export the public half of an existing key). */
export function verifierKeyOf(key: LedgerSigningKey): string {
  return formatVerifierKey(key.name, publicKeyOf(createPrivateKey(key.privateKeyPem)));
}

/** The raw 32-byte Ed25519 public key of a private key. */
export function publicKeyOf(privateKey: KeyObject): Uint8Array {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    fail('LEDGER_MALFORMED_KEY', `the ledger key is ${privateKey.asymmetricKeyType ?? 'not asymmetric'}, not Ed25519`);
  }
  return rawPublicKey(createPublicKey(privateKey));
}

/** Parses `<name>+<hex key ID>+<base64>` strictly; the base64 part may itself contain '+'. */
export function parseVerifierKey(text: string): VerifierKey {
  const expected = '<name>+<8 lowercase hex digits>+<base64 of 0x01 and a 32-byte Ed25519 public key>';
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first <= 0 || second < 0) fail('LEDGER_MALFORMED_KEY', 'verifier key does not have three "+"-separated parts', { expected });
  const name = text.slice(0, first);
  const idHex = text.slice(first + 1, second);
  const typed = fromBase64Strict(text.slice(second + 1));
  if (!isValidKeyName(name)) fail('LEDGER_MALFORMED_KEY', `verifier key name ${JSON.stringify(name)} is not valid`, { expected });
  if (!/^[0-9a-f]{8}$/.test(idHex)) fail('LEDGER_MALFORMED_KEY', `verifier key ID "${idHex}" is not 8 lowercase hex digits`, { expected });
  if (typed === undefined || typed.length !== 33 || typed[0] !== ED25519_TYPE) {
    fail('LEDGER_MALFORMED_KEY', 'verifier key material is not base64 of 0x01 followed by 32 bytes', { expected });
  }
  const publicKey = typed.subarray(1);
  const keyId = noteKeyId(name, publicKey);
  if (!bytesEqual(keyId, Buffer.from(idHex, 'hex'))) {
    fail('LEDGER_MALFORMED_KEY', `verifier key ID ${idHex} does not match its name and public key (${toHex(keyId)})`);
  }
  const keyObject = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
  return { name, keyId, publicKey, keyObject };
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
}
