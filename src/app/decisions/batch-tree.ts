import { hash } from 'node:crypto';
import { fail } from '../../core/index.ts';
import { inclusionProof, MemoryTree, nodeHash, rootAt, toHex } from '../../ledger/index.ts';

const encoder = new TextEncoder();
let scratch = new Uint8Array(4096);

/**
 * The in-batch RFC 6962 tree of one ingest batch: its leaves are the records' canonical JSON in position order, its
 * root goes into the batch's ledger leaf. With the ledger's own proof of that leaf, the in-batch audit path proves
 * one record was in the log without putting every record in a leaf of its own.
 */
export function batchRoot(records: readonly string[]): string {
  return rootOfLeafHashes(records.map(recordLeafHash));
}

/**
 * RFC 6962 leaf hash of one record, SHA-256(0x00 ‖ UTF-8 bytes): encoded straight into one scratch buffer behind the
 * prefix, with no per-record byte array (ingest hashes every decision; hashing is synchronous, so the buffer cannot
 * be seen half-written).
 */
export function recordLeafHash(record: string): Uint8Array {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (scratch.length < 3 * record.length + 1) scratch = new Uint8Array(Math.max(3 * record.length + 1, 2 * scratch.length));
  scratch[0] = 0x00;
  const { written } = encoder.encodeInto(record, scratch.subarray(1));
  return hash('sha256', scratch.subarray(0, written + 1), 'buffer');
}

/**
 * The RFC 6962 root of a non-empty list of leaf hashes, level by level: pair neighbours left to right and carry an
 * unpaired last node up unchanged. That builds exactly RFC 6962's tree (the left subtree is always the largest
 * perfect one), without the proof-serving node store of MemoryTree (the test compares the two for every size).
 */
export function rootOfLeafHashes(leaves: readonly Uint8Array[]): string {
  let level = leaves;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let k = 0; k + 1 < level.length; k += 2) next.push(nodeHash(level[k] as Uint8Array, level[k + 1] as Uint8Array));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Uint8Array);
    level = next;
  }
  const root = level[0];
  if (root === undefined) fail('INTERNAL_INVARIANT', 'the in-batch tree of an empty batch was asked for');
  return toHex(root);
}

/** The in-batch proof of the record at `position`: audit path (hex, RFC 9162 order) and the root it leads to. */
export function batchProof(records: readonly string[], position: number): { root: string; auditPath: string[] } {
  const tree = MemoryTree.fromLeaves(records.map((record) => encoder.encode(record)));
  return { root: toHex(rootAt(tree, tree.size)), auditPath: inclusionProof(tree, position, tree.size).map(toHex) };
}
