import { bytesEqual } from './bytes.ts';
import { slotOf, type NodeLayout } from './chunk-nodes.ts';
import { HASH_SIZE } from './hashing.ts';
import type { NodeId } from './hash-source.ts';

/**
 * Compares the interior nodes of one chunk, as they are recomputed from the leaves, with the stored copies packed in
 * a NodeLayout. A stored node that differs is "bad"; the one to report is the first root cause: a bad node whose two
 * children are good (level-1 nodes have leaf children, which the leaf-hash check covers). Its ancestors are bad only
 * because it is, so reporting it names the leaves where the damage is, not the top of the tree.
 */
export class NodeComparison {
  readonly #layout: NodeLayout;
  readonly #stored: Uint8Array;
  /** One byte per layout slot: 1 when the stored node differs from the recomputed one. */
  readonly #bad: Uint8Array;

  constructor(layout: NodeLayout, stored: Uint8Array) {
    if (stored.length !== layout.total * HASH_SIZE) {
      throw new RangeError(`NodeComparison: ${stored.length} bytes of stored nodes for a layout of ${layout.total} nodes`);
    }
    this.#layout = layout;
    this.#stored = stored;
    this.#bad = new Uint8Array(layout.total);
  }

  /** Called for every node the chunk's fold completes (level 0, the leaves, is skipped). */
  check(level: number, index: number, hash: Uint8Array): void {
    if (level === 0) return;
    const at = slotOf(this.#layout, { level, index });
    if (at < 0) return;
    if (!bytesEqual(hash, this.#stored.subarray(at, at + HASH_SIZE))) this.#bad[at / HASH_SIZE] = 1;
  }

  /** Compares a run of recomputed nodes of one level (hashes back to back from index `first`) in bulk. */
  checkLevel(level: number, first: number, hashes: Uint8Array): void {
    const span = this.#layout.levels.find((s) => s.level === level);
    if (span === undefined) return;
    for (let k = 0; k < span.count; k++) {
      const from = (span.first + k - first) * HASH_SIZE;
      if (from < 0 || from + HASH_SIZE > hashes.length) continue;
      const at = (span.offset + k) * HASH_SIZE;
      if (Buffer.compare(hashes.subarray(from, from + HASH_SIZE), this.#stored.subarray(at, at + HASH_SIZE)) !== 0) this.#bad[span.offset + k] = 1;
    }
  }

  isBad(id: NodeId): boolean {
    if (id.level === 0) return false;
    const at = slotOf(this.#layout, id);
    return at >= 0 && this.#bad[at / HASH_SIZE] === 1;
  }

  /** The bad node with good children that covers the lowest leaf (the lowest level on a tie), if any. */
  rootCause(): NodeId | undefined {
    let best: NodeId | undefined;
    let bestStart = Infinity;
    for (const span of this.#layout.levels) {
      for (let k = 0; k < span.count; k++) {
        if (this.#bad[span.offset + k] !== 1) continue;
        const id = { level: span.level, index: span.first + k };
        const start = id.index * 2 ** id.level;
        if (start >= bestStart) continue;
        const left = { level: id.level - 1, index: 2 * id.index };
        const right = { level: id.level - 1, index: 2 * id.index + 1 };
        if (this.isBad(left) || this.isBad(right)) continue;
        best = id;
        bestStart = start;
      }
    }
    return best;
  }
}
