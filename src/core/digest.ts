import { createHash, hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** A content digest in the form used everywhere in Steward: `sha256:` + 64 lowercase hex digits. */
export type Digest = `sha256:${string}`;

export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

export function digestOf(data: string | Uint8Array): Digest {
  return `sha256:${sha256Hex(data)}`;
}

/** Digest of a JSON value's RFC 8785 canonical form, so equal values have equal digests whatever their key order. */
export function digestOfJson(value: unknown): Digest {
  return digestOf(canonicalJson(value));
}

/** An incremental digest for streams (files read in chunks). */
export function createDigester(): { update(chunk: Uint8Array): void; digest(): Digest } {
  const hasher = createHash('sha256');
  return {
    update(chunk) {
      hasher.update(chunk);
    },
    digest() {
      return `sha256:${hasher.digest('hex')}`;
    },
  };
}

export function isDigest(value: string): value is Digest {
  return /^sha256:[0-9a-f]{64}$/.test(value);
}
