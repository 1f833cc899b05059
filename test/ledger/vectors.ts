/** Loads the golden vectors of test/ledger/vectors (see PROVENANCE.md) as bytes. */
import { readFileSync } from 'node:fs';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8'));
const hex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

interface TreeFile { leaves: string[]; roots: string[]; nodes: string[][] }
interface InclusionFile { proofs: { leafIndex: number; treeSize: number; proof: string[] }[] }
interface ConsistencyFile { proofs: { first: number; second: number; proof: string[] }[] }

const tree = read('rfc6962-tree.json') as TreeFile;
export const leaves = tree.leaves.map(hex);
export const roots = tree.roots.map(hex);
export const nodes = tree.nodes.map((level) => level.map(hex));
export const inclusionVectors = (read('rfc6962-inclusion.json') as InclusionFile).proofs.map((v) => ({
  ...v,
  proof: v.proof.map(hex),
}));
export const consistencyVectors = (read('rfc6962-consistency.json') as ConsistencyFile).proofs.map((v) => ({
  ...v,
  proof: v.proof.map(hex),
}));

/** Hex of one hash or a list of hashes, so Buffer and Uint8Array results compare by content. */
export function hexOf(value: Uint8Array | readonly Uint8Array[]): string | string[] {
  return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value.map((h) => Buffer.from(h).toString('hex'));
}
