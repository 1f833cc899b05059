import { createPrivateKey, sign } from 'node:crypto';
import { fail } from '../core/errors.ts';
import { fromBase64Strict, toBase64 } from './bytes.ts';
import { isValidKeyName, noteKeyId, publicKeyOf, type LedgerSigningKey } from './keys.ts';

/**
 * C2SP signed-note: a text ending in a newline, a blank line, then one or more lines
 * `— <key name> <base64(4-byte key ID ‖ signature)>` (em dash U+2014, spaces, newline).
 */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: Uint8Array;
  /** The signature bytes after the key ID (64 bytes for Ed25519). */
  readonly signature: Uint8Array;
  /** 1-based line of the signature in the note. */
  readonly line: number;
}

export interface ParsedNote {
  /** The signed text, including its final newline but not the separating blank line. */
  readonly text: string;
  /** Number of lines of the text (the signature block starts two lines later). */
  readonly textLines: number;
  readonly signatures: readonly NoteSignature[];
}

/** Verifiers "MUST accept at least up to 16 signatures"; more than this many is treated as malformed. */
export const MAX_SIGNATURES = 100;
const EM_DASH = '\u2014';

/** Parses a signed note strictly; every violation names its line (and column where useful). */
export function parseNote(input: string | Uint8Array): ParsedNote {
  const note = typeof input === 'string' ? input : decodeUtf8(input);
  checkCharacters(note);
  if (!note.endsWith('\n')) malformed('the note does not end with a newline', lineCount(note), 'a newline after the last signature line');
  // "the text is separated from the signatures by the last empty line in the note"
  const separator = note.lastIndexOf('\n\n');
  if (separator < 0) malformed('the note has no blank line between its text and its signatures', 1, 'a blank line before the signature lines');
  const text = note.slice(0, separator + 1);
  const textLines = lineCount(text);
  const signatureLines = note.slice(separator + 2, -1).split('\n');
  if (signatureLines.length > MAX_SIGNATURES) malformed(`the note has more than ${MAX_SIGNATURES} signatures`, textLines + 2);
  const signatures = signatureLines.map((line, k) => parseSignatureLine(line, textLines + 2 + k));
  return { text, textLines, signatures };
}

function parseSignatureLine(line: string, lineNumber: number): NoteSignature {
  const expected = '"— <key name> <base64 signature>"';
  if (!line.startsWith(`${EM_DASH} `)) malformed('a signature line does not start with an em dash (U+2014) and a space', lineNumber, expected);
  const rest = line.slice(2);
  const space = rest.indexOf(' ');
  const name = space < 0 ? rest : rest.slice(0, space);
  if (space < 0 || !isValidKeyName(name)) malformed(`signature key name ${JSON.stringify(name)} is not valid`, lineNumber, expected);
  const blob = fromBase64Strict(rest.slice(space + 1));
  if (blob === undefined || blob.length < 5) {
    malformed('the signature is not standard base64 of a 4-byte key ID and a signature', lineNumber, expected, 3 + space + 1);
  }
  return { name, keyId: blob.subarray(0, 4), signature: blob.subarray(4), line: lineNumber };
}

/** Signs `text` (which must end in a newline) with an Ed25519 ledger key: returns the whole signed note. */
export function signNote(text: string, key: LedgerSigningKey): string {
  checkCharacters(text);
  if (!text.endsWith('\n')) malformed('the text to sign does not end with a newline', lineCount(text));
  if (!isValidKeyName(key.name)) malformed(`key name ${JSON.stringify(key.name)} is not valid`, 1, 'a name without spaces or "+"');
  const privateKey = createPrivateKey(key.privateKeyPem);
  const keyId = noteKeyId(key.name, publicKeyOf(privateKey));
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  return `${text}\n${EM_DASH} ${key.name} ${toBase64(Buffer.concat([keyId, signature]))}\n`;
}

/** "Signed notes MUST be valid UTF-8 and MUST NOT contain any ASCII control characters … other than newline." */
function checkCharacters(note: string): void {
  let line = 1;
  let column = 1;
  for (const char of note) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n') {
      line++;
      column = 1;
      continue;
    }
    if (code < 0x20) malformed(`control character U+${code.toString(16).padStart(4, '0')}`, line, 'printable text and newlines only', column);
    if (code >= 0xd800 && code <= 0xdfff) malformed('a lone surrogate is not valid UTF-8', line, undefined, column);
    column++;
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return malformed('the note is not valid UTF-8', 1);
  }
}

const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

export function malformed(message: string, line: number, expected?: string, column?: number): never {
  const location = column === undefined ? { line } : { line, column };
  return fail('LEDGER_MALFORMED_CHECKPOINT', message, expected === undefined ? { location } : { location, expected });
}
