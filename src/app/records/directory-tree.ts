import { canonicalJson, type Digest } from '../../core/index.ts';
import { EMPTY_ROOT, leafHash, nodeHash, splitPoint, toHex } from '../../ledger/index.ts';

/** One file of a directory: its path relative to the directory (POSIX separators), content digest and size. */
export interface FileEntry {
  readonly path: string;
  readonly digest: Digest;
  readonly bytes: number;
}

/**
 * The digest of a directory: an RFC 6962 Merkle tree hash (MTH, §2.1) over its files. Leaf i is the RFC 8785
 * canonical JSON of `{"bytes":…,"digest":"sha256:…","path":"a/b.csv"}` for the i-th file in the order of its
 * relative path's UTF-8 bytes; leaves and nodes are hashed with the 0x00 / 0x01 prefixes of RFC 6962, so a file's
 * membership can be proved with a standard inclusion proof. An empty directory has MTH({}) = SHA-256("").
 * Renaming, adding, removing or changing any file changes the digest; the order files were listed in does not.
 */
export function directoryDigest(entries: readonly FileEntry[]): Digest {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.path, 'utf8'), Buffer.from(b.path, 'utf8')));
  const leaves = sorted.map((entry) => leafHash(Buffer.from(canonicalJson({ path: entry.path, digest: entry.digest, bytes: entry.bytes }), 'utf8')));
  return `sha256:${toHex(treeHash(leaves, 0, leaves.length))}`;
}

/** MTH(D[from:to]) over already-hashed leaves (RFC 6962 §2.1: split at the largest power of two below n). */
function treeHash(leaves: readonly Uint8Array[], from: number, to: number): Uint8Array {
  const n = to - from;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[from] as Uint8Array;
  const k = splitPoint(n);
  return nodeHash(treeHash(leaves, from, from + k), treeHash(leaves, from + k, to));
}
