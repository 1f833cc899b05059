import { fail } from '../core/errors.ts';
import { fromBase64Strict, isHash, toBase64 } from './bytes.ts';
import type { LedgerSigningKey } from './keys.ts';
import { malformed, parseNote, signNote, type NoteSignature } from './note.ts';

/**
 * C2SP tlog-checkpoint: a signed note whose text is `<origin>\n<tree size>\n<base64 root hash>\n` followed by
 * optional extension lines.
 */
export interface Checkpoint {
  /** The log's identity, e.g. `example.com/steward`; by convention also the signing key's name. */
  readonly origin: string;
  readonly size: number;
  /** RFC 6962 Merkle tree hash of the first `size` leaves (32 bytes). */
  readonly root: Uint8Array;
  /** Opaque extra lines; "NOT RECOMMENDED" by the spec, kept for fidelity when parsing others' checkpoints. */
  readonly extensions?: readonly string[];
}

export interface SignedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The exact signed text. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** The note text of a checkpoint; refuses values that would not parse back to the same checkpoint. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, root, extensions = [] } = checkpoint;
  const invalid = (field: string, expected: string): never =>
    fail('LEDGER_MALFORMED_CHECKPOINT', `checkpoint ${field} is not valid`, { location: { path: field }, expected });
  if (origin.length === 0 || origin.includes('\n')) invalid('origin', 'a non-empty single line');
  if (!Number.isSafeInteger(size) || size < 0) invalid('size', 'a non-negative integer');
  if (!isHash(root)) invalid('root', 'a 32-byte hash');
  extensions.forEach((line, k) => {
    if (line.length === 0 || line.includes('\n')) invalid(`extensions[${k}]`, 'a non-empty single line');
  });
  return [origin, String(size), toBase64(root), ...extensions].map((line) => `${line}\n`).join('');
}

export function signCheckpoint(checkpoint: Checkpoint, key: LedgerSigningKey): string {
  return signNote(formatCheckpoint(checkpoint), key);
}

/** Parses a signed checkpoint strictly (signatures are parsed, not verified: see verifyCheckpoint). */
export function parseCheckpoint(input: string | Uint8Array): SignedCheckpoint {
  const note = parseNote(input);
  return { checkpoint: parseCheckpointText(note.text), text: note.text, signatures: note.signatures };
}

/** tlog-checkpoint §Note text: at least three non-empty lines: origin, size, root hash, then extension lines. */
export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) malformed(`the checkpoint text has ${lines.length} lines`, lines.length, 'origin, tree size and root hash lines');
  const [origin = '', sizeText = '', rootText = '', ...extensions] = lines;
  if (origin.length === 0) malformed('the origin line is empty', 1, 'a non-empty log origin');
  // "the ASCII decimal representation of the number of leaves in the tree, with no leading zeroes"
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) malformed(`tree size "${sizeText}" is not a decimal without leading zeros`, 2, 'a decimal tree size');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) malformed(`tree size ${sizeText} is larger than this implementation supports`, 2, 'at most 2^53 - 1');
  const root = fromBase64Strict(rootText);
  if (root === undefined || root.length !== 32) malformed('the root hash is not standard base64 of 32 bytes', 3, 'a base64 SHA-256 root hash');
  const empty = extensions.findIndex((line) => line.length === 0);
  if (empty >= 0) malformed('an extension line is empty', 4 + empty, 'non-empty extension lines');
  return extensions.length === 0 ? { origin, size, root } : { origin, size, root, extensions };
}
