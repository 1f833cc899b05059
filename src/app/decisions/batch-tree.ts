import { inclusionProof, MemoryTree, rootAt, toHex } from '../../ledger/index.ts';

const encoder = new TextEncoder();

/**
 * The in-batch RFC 6962 tree of one ingest batch: its leaves are the records' canonical JSON in position order, its
 * root goes into the batch's ledger leaf. With the ledger's own proof of that leaf, the in-batch audit path proves
 * one record was in the log without putting every record in a leaf of its own.
 */
export function batchRoot(records: readonly string[]): string {
  const tree = MemoryTree.fromLeaves(records.map((record) => encoder.encode(record)));
  return toHex(rootAt(tree, tree.size));
}

/** The in-batch proof of the record at `position`: audit path (hex, RFC 9162 order) and the root it leads to. */
export function batchProof(records: readonly string[], position: number): { root: string; auditPath: string[] } {
  const tree = MemoryTree.fromLeaves(records.map((record) => encoder.encode(record)));
  return { root: toHex(rootAt(tree, tree.size)), auditPath: inclusionProof(tree, position, tree.size).map(toHex) };
}
