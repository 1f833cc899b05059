import { bytesEqual, nodeHash, type NodeId } from '../../ledger/index.ts';
import type { Store } from '../../store/index.ts';
import type { VerifyFinding } from './types.ts';

/**
 * Checks the stored interior nodes (levels ≥ 1) that proofs are served from: each must be present and equal
 * SHA-256(0x01 ‖ stored left child ‖ stored right child), level 0 being the stored leaf hashes (checked against the
 * leaves by verifyLog). By induction every stored node is then the true one. Comparing with the *stored* children
 * localises a change: the bad node is the one whose children are fine, not its ancestors. Leaves arrive in aligned
 * chunks of 2^k; nodes inside a chunk are checked per chunk (one store query each), the stored chunk roots
 * (n / 2^k hashes) are kept to check the levels above once the scan ends.
 */
export class NodeCheck {
  readonly #store: Store;
  readonly #size: number;
  readonly #chunkLevel: number;
  readonly #chunkRoots: Uint8Array[] = [];
  problem: VerifyFinding | undefined;
  /** How many leaves the bad node covers, from problem.index. */
  span = 0;

  constructor(store: Store, size: number, chunkLevel: number) {
    this.#store = store;
    this.#size = size;
    this.#chunkLevel = chunkLevel;
  }

  /** Leaf hashes [begin, begin + hashes.length), begin a multiple of 2^chunkLevel. */
  async chunk(begin: number, hashes: Uint8Array[]): Promise<void> {
    if (this.problem !== undefined) return;
    const top = await this.#check(hashes, 0, begin, this.#chunkLevel);
    if (hashes.length === 2 ** this.#chunkLevel && top[0] !== undefined) this.#chunkRoots.push(top[0]);
  }

  /** The levels above the chunks, once every chunk was seen. */
  async finish(): Promise<void> {
    if (this.problem !== undefined || this.#chunkRoots.length < 2) return;
    await this.#check(this.#chunkRoots, this.#chunkLevel, 0, 62);
  }

  /** Checks levels from + 1 … to over `base` (the nodes of level `from` starting at leaf `begin`); returns the top level. */
  async #check(base: Uint8Array[], from: number, begin: number, to: number): Promise<(Uint8Array | undefined)[]> {
    const ids: NodeId[] = [];
    for (let l = from + 1, count = Math.floor(base.length / 2); l <= to && count >= 1; l++, count = Math.floor(count / 2)) {
      for (let k = 0; k < count; k++) ids.push({ level: l, index: begin / 2 ** l + k });
    }
    if (ids.length === 0) return base;
    const stored = await this.#store.nodes(ids);
    let below: (Uint8Array | undefined)[] = base;
    let badBelow = new Set<number>();
    let at = 0;
    let first: NodeId | undefined;
    while (at < ids.length) {
      const level = (ids[at] as NodeId).level;
      const current: (Uint8Array | undefined)[] = [];
      const bad = new Set<number>();
      for (let k = 0; at < ids.length && (ids[at] as NodeId).level === level; k++, at++) {
        const node = stored[at];
        const left = below[2 * k];
        const right = below[2 * k + 1];
        current.push(node);
        if (node !== undefined && left !== undefined && right !== undefined && bytesEqual(node, nodeHash(left, right))) continue;
        bad.add(k);
        // A root cause: a bad node whose children are good (its ancestors are bad only because it is).
        const id = ids[at] as NodeId;
        const rootCause = !badBelow.has(2 * k) && !badBelow.has(2 * k + 1);
        if (rootCause && (first === undefined || id.index * 2 ** id.level < first.index * 2 ** first.level)) first = id;
      }
      below = current;
      badBelow = bad;
    }
    if (first !== undefined) this.#report(first);
    return below;
  }

  #report(node: NodeId): void {
    const start = node.index * 2 ** node.level;
    this.span = 2 ** node.level;
    const what = node.level === 1 ? `leaves ${start} and ${start + 1}` : `the ${this.span} leaves from ${start}`;
    this.problem = {
      code: 'LEDGER_NODE_MISMATCH',
      index: start,
      reason: `the stored tree node at level ${node.level} over ${what} is missing or is not the hash of its stored children (log size ${this.#size})`,
    };
  }
}
