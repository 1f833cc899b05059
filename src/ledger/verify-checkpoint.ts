import { verify } from 'node:crypto';
import { isStewardError } from '../core/errors.ts';
import type { Location } from '../core/location.ts';
import { bytesEqual } from './bytes.ts';
import { parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import { parseVerifierKey, type VerifierKey } from './keys.ts';

export type CheckpointCheck =
  | { readonly ok: true; readonly checkpoint: Checkpoint }
  | {
      readonly ok: false;
      readonly code: 'LEDGER_MALFORMED_CHECKPOINT' | 'LEDGER_MALFORMED_KEY' | 'LEDGER_BAD_SIGNATURE' | 'LEDGER_ORIGIN_MISMATCH';
      readonly reason: string;
      readonly location?: Location;
    };

/**
 * Verifies a signed checkpoint with one trusted key, following C2SP signed-note §Signatures: signatures by other
 * keys (another name or key ID) are ignored; a signature by the trusted key that fails rejects the note; a note
 * with no signature by the trusted key is rejected. Never throws on bad input.
 */
export function verifyCheckpoint(
  input: string | Uint8Array,
  verifierKey: string | VerifierKey,
  options: { readonly origin?: string } = {},
): CheckpointCheck {
  let key: VerifierKey;
  try {
    key = typeof verifierKey === 'string' ? parseVerifierKey(verifierKey) : verifierKey;
  } catch (error) {
    return asFinding(error, 'LEDGER_MALFORMED_KEY');
  }
  let parsed;
  try {
    parsed = parseCheckpoint(input);
  } catch (error) {
    return asFinding(error, 'LEDGER_MALFORMED_CHECKPOINT');
  }
  const ours = parsed.signatures.filter((s) => s.name === key.name && bytesEqual(s.keyId, key.keyId));
  if (ours.length === 0) {
    return { ok: false, code: 'LEDGER_BAD_SIGNATURE', reason: `the checkpoint has no signature by key ${key.name}` };
  }
  const message = Buffer.from(parsed.text, 'utf8');
  for (const signature of ours) {
    const valid = signature.signature.length === 64 && verify(null, message, key.keyObject, signature.signature);
    if (!valid) {
      return { ok: false, code: 'LEDGER_BAD_SIGNATURE', reason: `the signature by key ${key.name} does not verify`, location: { line: signature.line } };
    }
  }
  if (options.origin !== undefined && parsed.checkpoint.origin !== options.origin) {
    return {
      ok: false,
      code: 'LEDGER_ORIGIN_MISMATCH',
      reason: `the checkpoint is for log "${parsed.checkpoint.origin}", expected "${options.origin}"`,
      location: { line: 1 },
    };
  }
  return { ok: true, checkpoint: parsed.checkpoint };
}

function asFinding(error: unknown, code: 'LEDGER_MALFORMED_CHECKPOINT' | 'LEDGER_MALFORMED_KEY'): CheckpointCheck {
  if (!isStewardError(error)) throw error; // a bug, not bad input
  const { message, location } = error.problem;
  return location === undefined ? { ok: false, code, reason: message } : { ok: false, code, reason: message, location };
}
