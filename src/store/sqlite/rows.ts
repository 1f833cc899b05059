import type { StoredCheckpoint, StoredKey, StoredLeaf } from '../types.ts';

/** A result row as node:sqlite returns it (BLOBs as Uint8Array, INTEGERs as number, NULL as null). */
export type Row = Record<string, unknown>;

export function toLeaf(row: Row): StoredLeaf {
  const leaf = {
    index: row.idx as number,
    leaf: row.leaf as Uint8Array,
    leafHash: row.leaf_hash as Uint8Array,
    kind: row.kind as string,
    recordedAt: row.recorded_at as string,
  };
  return row.subject === null ? leaf : { ...leaf, subject: row.subject as string };
}

export function toCheckpoint(row: Row): StoredCheckpoint {
  return { size: row.size as number, root: row.root as Uint8Array, text: row.text as string, createdAt: row.created_at as string };
}

export function toKey(row: Row): StoredKey {
  return {
    name: row.name as string,
    publicKey: row.public_key as string,
    privateKey: row.private_key as Uint8Array,
    createdAt: row.created_at as string,
  };
}
