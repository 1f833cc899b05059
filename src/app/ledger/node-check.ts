import { bytesEqual, nodeHash, type NodeId } from '../../ledger/index.ts';
import type { Store } from '../../store/index.ts';
import type { VerifyFinding } from './types.ts';

/**
 * Checks the stored interior nodes (levels ≥ 1) that proofs are served from: each must equal
 * SHA-256(0x01 ‖ left child ‖ right child) recomputed from the stored leaf hashes (themselves checked against the
 * leaves by verifyLog). Leaves arrive in aligned chunks of 2^k; nodes inside a chunk are checked per chunk, and the
 * chunk roots are kept (n / 2^k hashes) to check the levels above once the scan ends. The finding names the first
 * leaf under the first bad node (lowest leaf index, then lowest level).
 */
export class NodeCheck {
  readonly #store: Store;
  readonly #size: number;
  readonly #chunkLevel: number;
  readonly #chunkRoots: Uint8Array[] = [];
  problem: VerifyFinding | undefined;

  constructor(store: Store, size: number, chunkLevel: number) {
    this.#store = store;
    this.#size = size;
    this.#chunkLevel = chunkLevel;
  }

  /** Leaf hashes [begin, begin + hashes.length), begin a multiple of 2^chunkLevel. */
  async chunk(begin: number, hashes: Uint8Array[]): Promise<void> {
    if (this.problem !== undefined) return;
    const top = await this.#checkLevels(hashes, 0, begin, this.#chunkLevel);
    if (top !== undefined && top.length === 1 && hashes.length === 2 ** this.#chunkLevel) this.#chunkRoots.push(top[0] as Uint8Array);
  }

  /** The levels above the chunks, once every chunk was seen. */
  async finish(): Promise<void> {
    if (this.problem !== undefined || this.#chunkRoots.length < 2) return;
    await this.#checkLevels(this.#chunkRoots, this.#chunkLevel, 0, 62);
  }

  /** Builds levels from + 1 … up to `to` over `level` (nodes at `from` starting at leaf `begin`), comparing each. */
  async #checkLevels(level: Uint8Array[], from: number, begin: number, to: number): Promise<Uint8Array[] | undefined> {
    let current = level;
    const computed: { id: NodeId; hash: Uint8Array }[] = [];
    for (let l = from + 1; l <= to && current.length >= 2; l++) {
      const next: Uint8Array[] = [];
      const firstIndex = begin / 2 ** l;
      for (let k = 0; k + 1 < current.length; k += 2) {
        const hash = nodeHash(current[k] as Uint8Array, current[k + 1] as Uint8Array);
        next.push(hash);
        computed.push({ id: { level: l, index: firstIndex + k / 2 }, hash });
      }
      current = next;
    }
    if (computed.length === 0) return current;
    const stored = await this.#store.nodes(computed.map((node) => node.id));
    let worst: { start: number; level: number } | undefined;
    computed.forEach((node, k) => {
      if (stored[k] !== undefined && bytesEqual(stored[k], node.hash)) return;
      const start = node.id.index * 2 ** node.id.level;
      if (worst === undefined || start < worst.start || (start === worst.start && node.id.level < worst.level)) worst = { start, level: node.id.level };
    });
    if (worst !== undefined) {
      const what = worst.level === 1 ? `leaves ${worst.start} and ${worst.start + 1}` : `the ${2 ** worst.level} leaves from ${worst.start}`;
      this.problem = {
        code: 'LEDGER_NODE_MISMATCH',
        index: worst.start,
        reason: `the stored tree node at level ${worst.level} over ${what} is missing or is not the hash of its children (log size ${this.#size})`,
      };
    }
    return current;
  }
}
