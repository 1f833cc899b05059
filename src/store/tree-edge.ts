import type { NodeId, TreeHasher } from './types.ts';

/**
 * The lowest level of interior node the store keeps. Nodes of subtrees of 2, 4 and 8 leaves were one stored row per
 * leaf — about half of an append's inserts and of verify's row reads — yet any one of them is rebuilt from at most 8
 * stored leaf hashes (7 hash calls, microseconds) when a proof or an append's right edge needs it (lowNodeHash).
 * Subtrees of 16 leaves and up are stored, so a proof reads at most 15 leaf hashes beyond its stored nodes.
 */
export const LOWEST_STORED_LEVEL = 4;

/** A perfect-subtree node with its hash. */
export interface TreeNode extends NodeId {
  readonly hash: Uint8Array;
}

/**
 * The right edge ("frontier") of a log of `size` leaves: one perfect subtree per 1-bit of `size`, largest first,
 * laid out from leaf 0. These are the only stored nodes an append needs: every node an append completes is built
 * from them and the new leaves. Arithmetic instead of bit operators, which JavaScript truncates to 32 bits.
 */
export function frontierIds(size: number): NodeId[] {
  const ids: NodeId[] = [];
  let at = 0;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (size - at >= width) {
      ids.push({ level, index: at / width });
      at += width;
    }
  }
  return ids;
}

/**
 * Appends leaf hashes to a log of `size` leaves whose frontier hashes are `frontier` (in frontierIds order) and
 * returns every perfect subtree this completes, level ≥ 1, parents after their children. Two adjacent nodes of the
 * same level whose left one has an even index are the halves of their parent, whose hash is
 * SHA-256(0x01 ‖ left ‖ right) (RFC 6962 §2.1). Level-0 nodes are the leaf hashes themselves and are not returned.
 */
export function completedNodes(
  size: number,
  frontier: readonly Uint8Array[],
  leafHashes: readonly Uint8Array[],
  hasher: TreeHasher,
): TreeNode[] {
  const stack: TreeNode[] = frontierIds(size).map((id, k) => ({ ...id, hash: frontier[k] as Uint8Array }));
  if (stack.length !== frontier.length) throw new RangeError(`completedNodes: ${frontier.length} frontier hashes for size ${size}`);
  const created: TreeNode[] = [];
  let index = size;
  for (const hash of leafHashes) {
    stack.push({ level: 0, index, hash });
    index += 1;
    for (;;) {
      const right = stack[stack.length - 1] as TreeNode;
      const left = stack[stack.length - 2];
      if (left === undefined || left.level !== right.level || left.index % 2 !== 0) break;
      stack.length -= 2;
      const parent = { level: left.level + 1, index: left.index / 2, hash: hasher.nodeHash(left.hash, right.hash) };
      stack.push(parent);
      created.push(parent);
    }
  }
  return created;
}

/** The leaves [from, to) that node `id` covers. */
export function leafSpan(id: NodeId): { from: number; to: number } {
  const width = 2 ** id.level;
  return { from: id.index * width, to: (id.index + 1) * width };
}

/**
 * The hash of a perfect subtree of level < LOWEST_STORED_LEVEL from its 2^level leaf hashes in order (RFC 6962 §2.1,
 * pairwise), or undefined when any is missing (the subtree is not complete, or the store lost a row).
 */
export function lowNodeHash(id: NodeId, leafHashes: readonly (Uint8Array | undefined)[], hasher: TreeHasher): Uint8Array | undefined {
  if (leafHashes.length !== 2 ** id.level) return undefined;
  for (let k = 0; k < leafHashes.length; k++) if (leafHashes[k] === undefined) return undefined; // a loop: some() skips holes
  let level = leafHashes as readonly Uint8Array[];
  while (level.length > 1) {
    const up: Uint8Array[] = [];
    for (let k = 0; k < level.length; k += 2) up.push(hasher.nodeHash(level[k] as Uint8Array, level[k + 1] as Uint8Array));
    level = up;
  }
  return level[0];
}
