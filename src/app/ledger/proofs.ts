import { fail } from '../../core/index.ts';
import { assemble, EMPTY_ROOT, foldRight, frontierIds, planConsistency, planIds, planInclusion, toHex, type AsyncHashSource } from '../../ledger/index.ts';
import type { Store } from '../../store/index.ts';
import { checkpointAt } from './checkpoint.ts';
import { identityOf } from './key-store.ts';
import { rootOf, storeHashSource } from './node-source.ts';
import type { ConsistencyProofResult, InclusionProofResult } from './types.ts';

const decoder = new TextDecoder();

/**
 * Proofs served from stored perfect-subtree nodes. An inclusion proof and the root it leads to are fetched with one
 * `store.nodes` call (the audit path's nodes and the frontier's together), so its cost is one indexed query whatever
 * the log size. The signed checkpoint of the tree size is attached when the store is initialised. Once the size is
 * known, the nodes, the leaf and the checkpoint are read concurrently: on PostgreSQL that is one round trip of
 * latency instead of five.
 */
export async function inclusionProof(store: Store, target: number | string, passphrase: string | undefined, now: Date): Promise<InclusionProofResult> {
  const size = await store.size();
  const index = typeof target === 'number' ? target : await indexOfLeafHash(store, target, size);
  const plan = planInclusion(index, size);
  const proofIds = planIds(plan);
  const frontier = frontierIds(size);
  const [hashes, leaf, signed] = await Promise.all([
    storeHashSource(store).getNodes([...proofIds, ...frontier]),
    leafAt(store, index),
    signedAt(store, size, size, passphrase, now),
  ]);
  const path = assemble(plan, hashes.slice(0, proofIds.length));
  const root = foldRight(hashes.slice(proofIds.length)) ?? EMPTY_ROOT;
  return {
    index,
    treeSize: size,
    leafHash: toHex(leaf.leafHash),
    root: toHex(root),
    auditPath: path.map(toHex),
    leaf: decoder.decode(leaf.leaf),
    ...signed,
  };
}

export async function consistencyProof(
  store: Store,
  first: number,
  second: number | undefined,
  passphrase: string | undefined,
  now: Date,
): Promise<ConsistencyProofResult> {
  const size = await store.size();
  const to = second ?? size;
  if (to > size) {
    fail('LEDGER_INDEX_OUT_OF_RANGE', `tree size ${to} is larger than the log (${size} leaves)`, { expected: `a size from 0 to ${size}` });
  }
  const plan = planConsistency(first, to);
  const source: AsyncHashSource = storeHashSource(store);
  const proof = assemble(plan, await source.getNodes(planIds(plan)));
  const [firstRoot, secondRoot] = await Promise.all([rootOf(source, first), rootOf(source, to)]);
  const signedFirst = await signedAt(store, first, size, passphrase, now);
  const signedSecond = await signedAt(store, to, size, passphrase, now);
  return {
    first,
    second: to,
    firstRoot: toHex(firstRoot),
    secondRoot: toHex(secondRoot),
    proof: proof.map(toHex),
    ...(signedFirst.checkpoint === undefined ? {} : { firstCheckpoint: signedFirst.checkpoint }),
    ...(signedSecond.checkpoint === undefined ? {} : { secondCheckpoint: signedSecond.checkpoint }),
    ...(signedSecond.verifierKey === undefined ? {} : { verifierKey: signedSecond.verifierKey }),
  };
}

/**
 * The stored checkpoint of `size`, or — only for the current size of an initialised ledger — a freshly signed one.
 * Older sizes without a checkpoint get none: signing a past size now would vouch for history after the fact.
 */
async function signedAt(
  store: Store,
  size: number,
  current: number,
  passphrase: string | undefined,
  now: Date,
): Promise<{ checkpoint?: string; verifierKey?: string }> {
  const [identity, stored] = await Promise.all([identityOf(store), store.checkpoint(size)]);
  if (identity === undefined) return {};
  if (stored !== undefined) return { checkpoint: stored.text, verifierKey: identity.verifierKey };
  if (size !== current) return { verifierKey: identity.verifierKey };
  const fresh = await checkpointAt(store, size, passphrase, now);
  return { checkpoint: fresh.text, verifierKey: identity.verifierKey };
}

/** The leaf bytes and stored hash at `index` (below the size just read), in one query. */
async function leafAt(store: Store, index: number): Promise<{ leaf: Uint8Array; leafHash: Uint8Array }> {
  const page = await store.leafColumns(index, index + 1, 1);
  const [leaf, leafHash] = [page.leaves[0], page.leafHashes[0]];
  if (page.indices[0] !== index || leaf === undefined || leafHash === undefined) {
    return fail('INTERNAL_INVARIANT', `no leaf at index ${index} in ${store.location}`);
  }
  return { leaf, leafHash };
}

/** Leaf hashes are not indexed, so finding one scans the log: O(n); pass the index when it is known. */
async function indexOfLeafHash(store: Store, hex: string, size: number): Promise<number> {
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    fail('USAGE_INVALID_ARGUMENT', `"${hex}" is neither a leaf index nor a leaf hash`, { expected: 'a leaf index, or 64 hex digits of a leaf hash' });
  }
  const wanted = hex.toLowerCase();
  for await (const leaf of store.readLeaves(0, size)) {
    if (toHex(leaf.leafHash) === wanted) return leaf.index;
  }
  return fail('LEDGER_INDEX_OUT_OF_RANGE', `no leaf of the log has the hash ${wanted}`, { expected: 'the leaf hash of an event in this log' });
}
