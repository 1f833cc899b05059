import { firstDifferentHash, hashLeaves, hashLevels, type LevelSpan } from './chunk-levels.ts';
import { chunkNodeLayout } from './chunk-nodes.ts';
import { HASH_SIZE } from './hashing.ts';
import type { NodeId } from './hash-source.ts';
import { NodeComparison } from './node-comparison.ts';

/**
 * The unit of parallel work of verifyLog: a run of consecutive leaves, hashed and folded into their compact range
 * independently of every other run, so runs can be hashed on several threads and merged in order on one.
 */
export interface ChunkJob {
  /** Global index of the first leaf. */
  readonly begin: number;
  /** The leaves back to back, each preceded by the 0x00 leaf prefix of RFC 6962 §2.1, so no copy is needed to hash. */
  readonly data: Uint8Array;
  /** count + 1 offsets into data: leaf j (with its prefix byte) is data[offsets[j], offsets[j+1]). */
  readonly offsets: Float64Array;
  /** The stored leaf hashes of these leaves (32 bytes each), when the caller has them. */
  readonly expected?: Uint8Array;
  /** Global tree sizes inside (begin, begin + count] whose roots are wanted (checkpoints). */
  readonly cuts: readonly number[];
  /**
   * The stored interior nodes wholly inside the chunk, packed as chunkNodeLayout says (a missing node as 32 zero
   * bytes), when the caller has them: each is compared with the node recomputed from the leaves.
   */
  readonly storedNodes?: Uint8Array;
  /** The lowest level of storedNodes' layout (chunkNodeLayout's `lowest`); default 1. */
  readonly lowestLevel?: number;
}

export interface RangeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
  /** Set on a node of the chunk's range whose stored copy differs from the recomputed one. */
  readonly mismatch?: true;
}

export interface ChunkResult {
  readonly begin: number;
  readonly count: number;
  /** Global index of the first leaf whose recomputed hash differs from the stored one, or -1. */
  readonly mismatch: number;
  /** The compact range of the whole chunk. */
  readonly nodes: readonly RangeNode[];
  /** For each cut, the compact range of [begin, cut). */
  readonly cuts: readonly { readonly size: number; readonly nodes: readonly RangeNode[] }[];
  /**
   * The first stored node (by first leaf, then level) that differs from its recomputed value while both its children
   * match: the root cause (its ancestors differ only because it does). Undefined when none differs or none was given.
   */
  readonly nodeMismatch?: NodeId;
}

export function hashChunk(job: ChunkJob): ChunkResult {
  const count = job.offsets.length - 1;
  const end = job.begin + count;
  const leafHashes = hashLeaves(job.data, job.offsets);
  let mismatch = -1;
  if (job.expected !== undefined) {
    const k = firstDifferentHash(leafHashes, job.expected);
    if (k >= 0 && k < count) mismatch = job.begin + k;
  }
  const levels = hashLevels(job.begin, leafHashes);
  const compare = job.storedNodes === undefined ? undefined : new NodeComparison(chunkNodeLayout(job.begin, end, job.lowestLevel), job.storedNodes);
  levels.forEach((span, level) => compare?.checkLevel(level, span.first, span.hashes));
  const cuts = job.cuts.filter((cut) => cut > job.begin && cut <= end).map((size) => ({ size, nodes: rangeNodes(levels, job.begin, size) }));
  const nodes = rangeNodes(levels, job.begin, end, compare);
  const nodeMismatch = compare?.rootCause();
  return nodeMismatch === undefined ? { begin: job.begin, count, mismatch, nodes, cuts } : { begin: job.begin, count, mismatch, nodes, cuts, nodeMismatch };
}

/**
 * The compact range of [begin, to), left to right: from each position the largest aligned perfect subtree that fits
 * (what CompactRange holds after appending those leaves). Each hash is copied out of its level array, so posting the
 * result does not clone the whole array.
 */
function rangeNodes(levels: readonly LevelSpan[], begin: number, to: number, compare?: NodeComparison): RangeNode[] {
  const nodes: RangeNode[] = [];
  let at = begin;
  while (at < to) {
    let level = 0;
    while (level + 1 < levels.length && at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= to) level++;
    const span = levels[level] as LevelSpan;
    const index = at / 2 ** level;
    const from = (index - span.first) * HASH_SIZE;
    const h = span.hashes.slice(from, from + HASH_SIZE);
    nodes.push(compare?.isBad({ level, index }) === true ? { level, index, hash: h, mismatch: true } : { level, index, hash: h });
    at += 2 ** level;
  }
  return nodes;
}

/** Leaves already back to back as a ChunkJob wants them, e.g. read from a store in one block (Store.leafBlock). */
export interface PackedLeaves {
  /** Each leaf preceded by one byte for the RFC 6962 0x00 prefix (packChunk writes the zero itself). */
  readonly data: Uint8Array;
  /** count + 1 offsets: leaf j with its prefix byte is data[offsets[j], offsets[j+1]). */
  readonly offsets: Float64Array;
}

/** How many leaves a chunk holds, listed or packed. */
export function leafCount(leaves: readonly Uint8Array[] | PackedLeaves): number {
  return 'offsets' in leaves ? leaves.offsets.length - 1 : leaves.length;
}

/** Packs leaves into a ChunkJob (on the reading thread: one copy per listed leaf, none for packed ones; no hashing). */
export function packChunk(
  begin: number,
  leaves: readonly Uint8Array[] | PackedLeaves,
  expected: Uint8Array | undefined,
  cuts: readonly number[],
  storedNodes?: Uint8Array,
  lowestLevel?: number,
): ChunkJob {
  const { data, offsets } = 'offsets' in leaves ? prefixed(leaves) : packLeaves(leaves);
  const job: ChunkJob = expected === undefined ? { begin, data, offsets, cuts } : { begin, data, offsets, expected, cuts };
  if (storedNodes === undefined) return job;
  return lowestLevel === undefined ? { ...job, storedNodes } : { ...job, storedNodes, lowestLevel };
}

/** Packed leaves with the 0x00 leaf prefix written here rather than trusted from the reader. */
function prefixed(packed: PackedLeaves): PackedLeaves {
  for (let j = 0; j + 1 < packed.offsets.length; j++) packed.data[packed.offsets[j] as number] = 0x00;
  return packed;
}

function packLeaves(leaves: readonly Uint8Array[]): PackedLeaves {
  let total = 0;
  for (const leaf of leaves) total += leaf.length + 1;
  const data = new Uint8Array(total);
  const offsets = new Float64Array(leaves.length + 1);
  let at = 0;
  leaves.forEach((leaf, j) => {
    offsets[j] = at;
    data[at] = 0x00;
    data.set(leaf, at + 1);
    at += leaf.length + 1;
  });
  offsets[leaves.length] = at;
  return { data, offsets };
}
