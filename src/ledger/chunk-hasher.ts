import { hash } from 'node:crypto';
import { bytesEqual } from './bytes.ts';
import { chunkNodeLayout } from './chunk-nodes.ts';
import { CompactRange } from './compact-range.ts';
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
  const range = new CompactRange(job.begin);
  const cuts: { size: number; nodes: RangeNode[] }[] = [];
  let nextCut = 0;
  let mismatch = -1;
  const compare = job.storedNodes === undefined ? undefined : new NodeComparison(chunkNodeLayout(job.begin, job.begin + count, job.lowestLevel), job.storedNodes);
  const onNode = compare === undefined ? undefined : (level: number, index: number, h: Uint8Array) => compare.check(level, index, h);
  for (let j = 0; j < count; j++) {
    // RFC 6962 §2.1 leaf hash SHA-256(0x00 || d): the prefix byte is already in place before each leaf.
    const leafHash = hash('sha256', job.data.subarray(job.offsets[j], job.offsets[j + 1]), 'buffer');
    if (mismatch < 0 && job.expected !== undefined) {
      const stored = job.expected.subarray(j * HASH_SIZE, (j + 1) * HASH_SIZE);
      if (!bytesEqual(leafHash, stored)) mismatch = job.begin + j;
    }
    range.appendLeafHash(leafHash, onNode);
    while (nextCut < job.cuts.length && job.cuts[nextCut] === range.end) {
      cuts.push({ size: range.end, nodes: flatten(range) });
      nextCut++;
    }
  }
  const nodes = flatten(range, compare);
  const nodeMismatch = compare?.rootCause();
  return nodeMismatch === undefined ? { begin: job.begin, count, mismatch, nodes, cuts } : { begin: job.begin, count, mismatch, nodes, cuts, nodeMismatch };
}

function flatten(range: CompactRange, compare?: NodeComparison): RangeNode[] {
  return range.nodes().map(({ id, hash: h }) =>
    compare?.isBad(id) === true ? { level: id.level, index: id.index, hash: h, mismatch: true } : { level: id.level, index: id.index, hash: h },
  );
}

/** Packs leaves into a ChunkJob (on the reading thread: one copy per leaf, no hashing). */
export function packChunk(
  begin: number,
  leaves: readonly Uint8Array[],
  expected: Uint8Array | undefined,
  cuts: readonly number[],
  storedNodes?: Uint8Array,
  lowestLevel?: number,
): ChunkJob {
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
  const job: ChunkJob = expected === undefined ? { begin, data, offsets, cuts } : { begin, data, offsets, expected, cuts };
  if (storedNodes === undefined) return job;
  return lowestLevel === undefined ? { ...job, storedNodes } : { ...job, storedNodes, lowestLevel };
}
