import type { StoredCheckpoint, StoredKey, StoredLeaf } from '../types.ts';

/** A result row as pg returns it: bigint as string, bytea as Buffer, timestamptz as Date, NULL as null. */
export type Row = Record<string, unknown>;

/** bigint columns arrive as strings (pg keeps 64-bit exact); our indices are safe integers (< 2^53). */
export function int(value: unknown): number {
  return Number(value);
}

/** A plain Uint8Array view of a Buffer, so both dialects return the same type. */
export function bytes(value: unknown): Uint8Array {
  const buffer = value as Buffer;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export function instant(value: unknown): string {
  return (value as Date).toISOString();
}

export function toLeaf(row: Row): StoredLeaf {
  const leaf = {
    index: int(row.idx),
    leaf: bytes(row.leaf),
    leafHash: bytes(row.leaf_hash),
    kind: row.kind as string,
    recordedAt: instant(row.recorded_at),
  };
  return row.subject === null ? leaf : { ...leaf, subject: row.subject as string };
}

export function toCheckpoint(row: Row): StoredCheckpoint {
  return { size: int(row.size), root: bytes(row.root), text: row.text as string, createdAt: instant(row.created_at) };
}

export function toKey(row: Row): StoredKey {
  return { name: row.name as string, publicKey: row.public_key as string, privateKey: bytes(row.private_key), createdAt: instant(row.created_at) };
}
