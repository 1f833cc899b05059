import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { directoryDigest, type FileEntry } from '../../src/app/records/directory-tree.ts';
import { digestPath } from '../../src/app/records/path-digest.ts';
import { digestOf } from '../../src/core/index.ts';

// An independent RFC 6962 MTH written from the RFC text, to check directoryDigest against.
const sha = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafJson = (entry: FileEntry): string => `{"bytes":${entry.bytes},"digest":"${entry.digest}","path":${JSON.stringify(entry.path)}}`;

const entry = (path: string, content: string): FileEntry => ({ path, digest: digestOf(content), bytes: Buffer.byteLength(content) });

test('a directory digest is the RFC 6962 tree hash over canonical {path, digest, bytes} leaves in path order', () => {
  const a = entry('a.csv', 'x,y\n1,2\n');
  const b = entry('b/c.bin', 'weights');
  const c = entry('z.txt', '');
  const leaf = (e: FileEntry): Buffer => sha(Buffer.from([0]), Buffer.from(leafJson(e)));
  const node = (l: Buffer, r: Buffer): Buffer => sha(Buffer.from([1]), l, r);
  const expected = node(node(leaf(a), leaf(b)), leaf(c)); // n = 3 splits at k = 2
  assert.equal(directoryDigest([c, a, b]), `sha256:${expected.toString('hex')}`);
  assert.equal(directoryDigest([a]), `sha256:${leaf(a).toString('hex')}`);
  assert.equal(directoryDigest([]), `sha256:${sha().toString('hex')}`);
});

test('the listing order never matters, and any renamed or changed file changes the digest', () => {
  const entries = fc.uniqueArray(fc.record({ path: fc.string({ minLength: 1 }), content: fc.string() }), { minLength: 1, maxLength: 12, selector: (e) => e.path });
  fc.assert(
    fc.property(entries, fc.nat(), (list, pick) => {
      const files = list.map((e) => entry(e.path, e.content));
      const digest = directoryDigest(files);
      assert.equal(directoryDigest([...files].reverse()), digest);
      const i = pick % files.length;
      const target = files[i] as FileEntry;
      const renamed = files.map((f, j) => (j === i ? { ...f, path: `${f.path}~` } : f));
      const changed = files.map((f, j) => (j === i ? entry(f.path, `${list[i]?.content ?? ''}!`) : f));
      if (!files.some((f) => f.path === `${target.path}~`)) assert.notEqual(directoryDigest(renamed), digest);
      assert.notEqual(directoryDigest(changed), digest);
    }),
  );
});

test('digestPath hashes a file as SHA-256 of its bytes and a folder as the tree of its files', async () => {
  const root = mkdtempSync(join(tmpdir(), 'steward-digest-'));
  mkdirSync(join(root, 'model', 'sub'), { recursive: true });
  writeFileSync(join(root, 'model', 'w.bin'), 'weights');
  writeFileSync(join(root, 'model', 'sub', 'cfg.json'), '{"a":1}');
  const file = await digestPath(join(root, 'model', 'w.bin'));
  assert.deepEqual(file, { digest: digestOf('weights'), bytes: 7, directory: false });
  const folder = await digestPath(join(root, 'model'));
  assert.equal(folder.digest, directoryDigest([entry('w.bin', 'weights'), entry('sub/cfg.json', '{"a":1}')]));
  assert.equal(folder.files, 2);
  assert.equal(folder.bytes, 14);
});

test('digestPath reports a missing path as INPUT_FILE_NOT_FOUND naming it', async () => {
  await assert.rejects(digestPath('no/such/model.bin'), (error: { code?: string; message: string }) => {
    assert.equal(error.code, 'INPUT_FILE_NOT_FOUND');
    assert.match(error.message, /no\/such\/model\.bin/);
    return true;
  });
});
