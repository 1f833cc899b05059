import { EMPTY_ROOT, nodeHash } from './hashing.ts';
import type { NodeId } from './hash-source.ts';

/** Called for every perfect-subtree node as it is completed, so a store can persist it. */
export type NodeSink = (level: number, index: number, hash: Uint8Array) => void;

/**
 * A compact range: the leaves [begin, end) summarised by the fewest perfect subtrees that tile them (at most two per
 * level). When begin = 0 it is the "frontier" of a log of `end` leaves: the roots of the perfect subtrees given by
 * the binary digits of `end`. Appending a leaf costs O(1) amortised and O(log n) at worst; the root of the whole
 * range is a fold of at most log2(n) nodes. Memory is O(log n) whatever the size of the log.
 */
export class CompactRange {
  readonly begin: number;
  #end: number;
  readonly #levels: number[] = [];
  readonly #indices: number[] = [];
  readonly #hashes: Uint8Array[] = [];

  constructor(begin = 0) {
    if (!Number.isSafeInteger(begin) || begin < 0) throw new RangeError(`CompactRange: bad begin ${begin}`);
    this.begin = begin;
    this.#end = begin;
  }

  get end(): number {
    return this.#end;
  }

  /** Number of leaves covered. */
  get size(): number {
    return this.#end - this.begin;
  }

  /** The nodes, left to right. */
  nodes(): { id: NodeId; hash: Uint8Array }[] {
    return this.#hashes.map((hash, k) => ({ id: { level: this.#levels[k] ?? 0, index: this.#indices[k] ?? 0 }, hash }));
  }

  /** Appends the next leaf's hash (RFC 6962 §2.1 leaf hash, already computed). */
  appendLeafHash(hash: Uint8Array, onNode?: NodeSink): void {
    this.appendNode(0, hash, onNode);
  }

  /**
   * Appends the root of a perfect subtree of 2^level leaves starting at `end`; `end` must be a multiple of 2^level.
   * Then merges siblings: two nodes of the same level whose left one has an even index are the two halves of their
   * parent, whose hash is SHA-256(0x01 || left || right) (RFC 6962 §2.1).
   */
  appendNode(level: number, hash: Uint8Array, onNode?: NodeSink): void {
    const width = 2 ** level;
    if (this.#end % width !== 0) throw new RangeError(`CompactRange: node of level ${level} is not aligned at ${this.#end}`);
    this.#levels.push(level);
    this.#indices.push(this.#end / width);
    this.#hashes.push(hash);
    this.#end += width;
    if (onNode !== undefined && level === 0) onNode(0, this.#end - 1, hash);
    this.#mergeSiblings(onNode);
  }

  #mergeSiblings(onNode: NodeSink | undefined): void {
    for (;;) {
      const top = this.#hashes.length - 1;
      if (top < 1) return;
      const level = this.#levels[top] ?? -1;
      const leftIndex = this.#indices[top - 1] ?? -1;
      if (this.#levels[top - 1] !== level || leftIndex % 2 !== 0) return;
      const right = this.#hashes.pop() as Uint8Array;
      const left = this.#hashes.pop() as Uint8Array;
      this.#levels.pop();
      this.#indices.pop();
      const parent = nodeHash(left, right);
      this.#levels[top - 1] = level + 1;
      this.#indices[top - 1] = leftIndex / 2;
      this.#hashes.push(parent);
      onNode?.(level + 1, leftIndex / 2, parent);
    }
  }

  /** Appends every node of `other`, which must start where this range ends. */
  merge(other: CompactRange, onNode?: NodeSink): void {
    if (other.begin !== this.#end) throw new RangeError(`CompactRange: cannot merge [${other.begin}, …) after ${this.#end}`);
    for (const { id, hash } of other.nodes()) this.appendNode(id.level, hash, onNode);
  }

  /**
   * The Merkle Tree Hash of the range, defined for a range that starts at 0: fold the nodes right to left, because
   * MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])) with the largest perfect subtree on the left (RFC 6962 §2.1).
   * The empty tree's hash is SHA-256() (RFC 6962 §2.1).
   */
  root(): Uint8Array {
    if (this.begin !== 0) throw new RangeError('CompactRange: root() needs a range that starts at leaf 0');
    return foldRight(this.#hashes) ?? EMPTY_ROOT;
  }

  clone(): CompactRange {
    const copy = new CompactRange(this.begin);
    for (const { id, hash } of this.nodes()) copy.appendNode(id.level, hash);
    return copy;
  }
}

/** h(a, h(b, h(c, d))): the hash of adjacent perfect subtrees whose sizes decrease left to right. */
export function foldRight(hashes: readonly Uint8Array[]): Uint8Array | undefined {
  let acc: Uint8Array | undefined;
  for (let k = hashes.length - 1; k >= 0; k--) {
    const hash = hashes[k] as Uint8Array;
    acc = acc === undefined ? hash : nodeHash(hash, acc);
  }
  return acc;
}

/** The ids of the perfect subtrees that make up the frontier of a log of `size` leaves (largest first). */
export function frontierIds(size: number): NodeId[] {
  return alignedRangeIds(0, size);
}

/**
 * The perfect subtrees, largest first, whose fold is MTH(D[start:end]) for a range that RFC 6962's recursion
 * produces: `start` is a multiple of the largest power of two ≤ end − start, so the binary digits of the length,
 * laid out from `start`, are aligned subtrees.
 */
export function alignedRangeIds(start: number, end: number): NodeId[] {
  const ids: NodeId[] = [];
  let at = start;
  for (let level = 52; level >= 0 && at < end; level--) {
    const width = 2 ** level;
    if (end - at >= width) {
      if (at % width !== 0) throw new RangeError(`alignedRangeIds: [${start}, ${end}) is not aligned`);
      ids.push({ level, index: at / width });
      at += width;
    }
  }
  return ids;
}
