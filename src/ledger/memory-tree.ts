import { fail } from '../core/errors.ts';
import { CompactRange, foldRight, frontierIds } from './compact-range.ts';
import { EMPTY_ROOT, leafHash } from './hashing.ts';
import type { HashSource, NodeId } from './hash-source.ts';

/**
 * A log held in memory with every perfect-subtree node of every level (about 2n hashes for n leaves). It is the
 * HashSource for tests and for exported bundles; a store keeps the same nodes in tables instead.
 */
export class MemoryTree implements HashSource {
  readonly #levels: Uint8Array[][] = [];
  readonly #frontier = new CompactRange(0);

  static fromLeaves(leaves: Iterable<Uint8Array>): MemoryTree {
    const tree = new MemoryTree();
    for (const leaf of leaves) tree.append(leaf);
    return tree;
  }

  get size(): number {
    return this.#frontier.end;
  }

  /** Appends a leaf (the raw event bytes) and returns its index. */
  append(leaf: Uint8Array): number {
    return this.appendLeafHash(leafHash(leaf));
  }

  /** Appends an already computed leaf hash and returns its index. */
  appendLeafHash(hash: Uint8Array): number {
    const index = this.#frontier.end;
    this.#frontier.appendLeafHash(hash, (level, at, node) => {
      const row = (this.#levels[level] ??= []);
      row[at] = node;
    });
    return index;
  }

  leafHash(index: number): Uint8Array {
    const [hash] = this.getNodes([{ level: 0, index }]);
    return hash as Uint8Array;
  }

  getNodes(ids: readonly NodeId[]): readonly Uint8Array[] {
    return ids.map((id) => {
      const hash = this.#levels[id.level]?.[id.index];
      if (hash === undefined) {
        fail('LEDGER_INDEX_OUT_OF_RANGE', `no node at level ${id.level}, index ${id.index} in a log of ${this.size} leaves`);
      }
      return hash;
    });
  }

  /** The tree head of the first `size` leaves (default: all), from the stored perfect subtrees. */
  root(size: number = this.size): Uint8Array {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) {
      fail('LEDGER_INDEX_OUT_OF_RANGE', `tree size ${size} is outside the log of ${this.size} leaves`, {
        expected: `an integer from 0 to ${this.size}`,
      });
    }
    if (size === this.size) return this.#frontier.root();
    return foldRight(this.getNodes(frontierIds(size))) ?? EMPTY_ROOT;
  }
}
