import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { isStewardError } from '../../src/core/errors.ts';
import { formatCheckpoint, parseCheckpoint, signCheckpoint } from '../../src/ledger/checkpoint.ts';
import { generateLedgerKey, parseVerifierKey, verifierKeyOf, type LedgerSigningKey } from '../../src/ledger/keys.ts';
import { signNote } from '../../src/ledger/note.ts';
import { verifyCheckpoint } from '../../src/ledger/verify-checkpoint.ts';

interface Vectors {
  notes: { signerKey: string; verifierKey: string; text: string; note: string }[];
  otherSignature: { verifierKey: string; line: string };
  checkpoints: { signerSeedHex?: string; verifierKey?: string; origin: string; size: number; rootBase64: string; note: string }[];
  formatSamples: { note: string }[];
}
const vectors = JSON.parse(readFileSync(new URL('./vectors/checkpoint-vectors.json', import.meta.url), 'utf8')) as Vectors;

/** An Ed25519 signing key from a raw 32-byte seed (PKCS#8 = fixed 16-byte DER prefix ‖ seed, RFC 8410). */
function keyFromSeed(name: string, seed: Uint8Array): LedgerSigningKey {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const pem = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
  return { name, privateKeyPem: pem };
}

/** Go's `PRIVATE+KEY+<name>+<id>+<base64(0x01 ‖ seed)>`. */
function keyFromGoSigner(text: string): LedgerSigningKey {
  const [, , name = '', , material = ''] = text.split('+', 5);
  const rest = text.slice(text.indexOf(material));
  return keyFromSeed(name, Buffer.from(rest, 'base64').subarray(1));
}

const codeOf = (check: { ok: boolean; code?: string }): string => (check.ok ? 'ok' : (check.code ?? '?'));
const codeThrown = (fn: () => unknown): string => {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return isStewardError(error) ? error.code : 'not a StewardError';
  }
};

test('signing the Go sumdb/note example text with its published key reproduces the published note byte for byte', () => {
  for (const v of vectors.notes) {
    const key = keyFromGoSigner(v.signerKey);
    assert.equal(verifierKeyOf(key), v.verifierKey);
    assert.equal(signNote(v.text, key), v.note);
  }
});

test('signing the sigsum checkpoint with its published seed reproduces the published checkpoint byte for byte', () => {
  const v = vectors.checkpoints.find((c) => c.signerSeedHex !== undefined);
  assert.ok(v?.signerSeedHex);
  const key = keyFromSeed(v.origin, Buffer.from(v.signerSeedHex, 'hex'));
  const checkpoint = { origin: v.origin, size: v.size, root: Buffer.from(v.rootBase64, 'base64') };
  assert.equal(signCheckpoint(checkpoint, key), v.note);
  assert.equal(codeOf(verifyCheckpoint(v.note, verifierKeyOf(key))), 'ok');
});

test('the real sum.golang.org checkpoint verifies with the published sum.golang.org key and parses to its size and root', () => {
  const v = vectors.checkpoints.find((c) => c.verifierKey !== undefined);
  assert.ok(v?.verifierKey);
  const check = verifyCheckpoint(v.note, v.verifierKey);
  assert.ok(check.ok, JSON.stringify(check));
  assert.equal(check.checkpoint.origin, v.origin);
  assert.equal(check.checkpoint.size, v.size);
  assert.equal(Buffer.from(check.checkpoint.root).toString('base64'), v.rootBase64);
  assert.equal(codeOf(verifyCheckpoint(v.note.replace('30055305', '30055306'), v.verifierKey)), 'LEDGER_BAD_SIGNATURE');
});

test('signatures by other keys are ignored, and a note signed by none of the trusted key is rejected', () => {
  // The Go example's second signer (EnochRoot) is parsed as a signature of another key.
  const parsed = parseCheckpoint(`${formatCheckpoint({ origin: 'o', size: 1, root: new Uint8Array(32) })}\n${vectors.otherSignature.line}`);
  assert.equal(parsed.signatures[0]?.name, 'EnochRoot');
  assert.equal(Buffer.from(parsed.signatures[0]?.keyId ?? []).toString('hex'), 'af0cfe78');
  const ours = generateLedgerKey('example.com/log');
  const other = generateLedgerKey('example.com/witness');
  const note = signCheckpoint({ origin: 'example.com/log', size: 3, root: new Uint8Array(32).fill(7) }, ours);
  const otherLine = signNote(parseCheckpoint(note).text, other).split('\n\n')[1] ?? '';
  assert.equal(codeOf(verifyCheckpoint(note + otherLine, ours.verifierKey)), 'ok');
  assert.equal(codeOf(verifyCheckpoint(note + otherLine, other.verifierKey)), 'ok');
  assert.equal(codeOf(verifyCheckpoint(note, other.verifierKey)), 'LEDGER_BAD_SIGNATURE');
});

test('a generated key signs checkpoints that verify, and any change to the text or signature is caught', () => {
  const key = generateLedgerKey('example.com/steward');
  assert.match(key.verifierKey, /^example\.com\/steward\+[0-9a-f]{8}\+A[Q-Za-f][A-Za-z0-9+/]{42}$/);
  assert.equal(parseVerifierKey(key.verifierKey).publicKey.length, 32);
  const root = new Uint8Array(32).fill(1);
  const note = signCheckpoint({ origin: 'example.com/steward', size: 42, root, extensions: ['ext: 1'] }, key);
  const check = verifyCheckpoint(note, key.verifierKey, { origin: 'example.com/steward' });
  assert.ok(check.ok);
  assert.deepEqual(check.checkpoint.extensions, ['ext: 1']);
  assert.equal(codeOf(verifyCheckpoint(note.replace('\n42\n', '\n43\n'), key.verifierKey)), 'LEDGER_BAD_SIGNATURE');
  const sigStart = note.lastIndexOf(' ') + 10;
  const flipped = note.slice(0, sigStart) + (note[sigStart] === 'A' ? 'B' : 'A') + note.slice(sigStart + 1);
  assert.equal(codeOf(verifyCheckpoint(flipped, key.verifierKey)), 'LEDGER_BAD_SIGNATURE');
  assert.equal(codeOf(verifyCheckpoint(note, key.verifierKey, { origin: 'other.example/log' })), 'LEDGER_ORIGIN_MISMATCH');
  assert.equal(codeOf(verifyCheckpoint(note, generateLedgerKey('example.com/steward').verifierKey)), 'LEDGER_BAD_SIGNATURE');
});

test('malformed checkpoints are LEDGER_MALFORMED_CHECKPOINT naming the line', () => {
  const good = vectors.formatSamples[0]?.note ?? '';
  assert.equal(parseCheckpoint(good).checkpoint.size, 20852163);
  const cases: [string, number][] = [
    [good.replace('20852163', '020852163'), 2],
    [good.replace('20852163', '-1'), 2],
    [good.replace('20852163', '99999999999999999999'), 2],
    [good.replace('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'CsUYapGG'), 3],
    [good.replace('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J='), 3],
    [good.replace('\u2014 ', '- '), 5],
    [good.replace('\u2014 example.com/behind-the-sofa ', '\u2014 example.com/behind+the-sofa '), 5],
    [good.replace('\u2014 example.com/behind-the-sofa ', '\u2014 example.com/behind-the-sofa A'), 5],
    [good.slice(0, -1), 5],
    [good.replace('example.com/behind-the-sofa\n', '\n'), 1],
    [good.replace('\n\n', '\n'), 1],
    [good.replace('20852163', '2085\t2163'), 2],
    [good.replace('20852163\n', '20852163\r\n'), 2],
    [`${good}\u2014 other !!!\n`, 6],
  ];
  for (const [text, line] of cases) {
    try {
      parseCheckpoint(text);
      assert.fail(`accepted: ${JSON.stringify(text)}`);
    } catch (error) {
      assert.ok(isStewardError(error), String(error));
      assert.equal(error.code, 'LEDGER_MALFORMED_CHECKPOINT');
      assert.equal(error.problem.location?.line, line, `${error.message} for ${JSON.stringify(text)}`);
    }
  }
  const check = verifyCheckpoint(new Uint8Array([0xff, 0x0a]), 'a+00000000+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  assert.ok(!check.ok);
});

test('malformed verifier keys are LEDGER_MALFORMED_KEY, as thrown by the parser and returned by the verifier', () => {
  const { verifierKey } = generateLedgerKey('k');
  const [name = '', id = ''] = verifierKey.split('+', 2);
  const material = verifierKey.slice(name.length + id.length + 2);
  const bad = [
    '',
    `${name}+${id}`,
    `+${id}+${material}`,
    `${name}+${id.toUpperCase()}+${material}`,
    `${name}+00000000+${material}`,
    `${name}+${id}+${material.slice(0, -4)}`,
    `${name}+${id}+B${material.slice(1)}`,
    `other+${id}+${material}`,
  ];
  for (const key of bad) {
    assert.equal(codeThrown(() => parseVerifierKey(key)), 'LEDGER_MALFORMED_KEY', key);
    assert.equal(codeOf(verifyCheckpoint(vectors.formatSamples[0]?.note ?? '', key)), 'LEDGER_MALFORMED_KEY', key);
  }
  assert.equal(codeThrown(() => generateLedgerKey('has space')), 'LEDGER_MALFORMED_KEY');
  assert.equal(codeThrown(() => formatCheckpoint({ origin: 'o', size: -1, root: new Uint8Array(32) })), 'LEDGER_MALFORMED_CHECKPOINT');
});
