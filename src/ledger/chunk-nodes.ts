import { HASH_SIZE } from './hashing.ts';
import type { NodeId } from './hash-source.ts';

/**
 * The stored interior nodes (levels ≥ 1) that lie wholly inside a run of leaves [begin, end), packed level by level,
 * index by index, 32 bytes each. The reading thread fills a buffer in this layout from one store query per chunk; the
 * hashing thread recomputes the same nodes and compares them in bulk, so no node is looked up or hashed one by one on
 * the reading thread.
 */
export interface NodeLevelSpan {
  readonly level: number;
  /** Index (at this level) of the first node wholly inside the run. */
  readonly first: number;
  readonly count: number;
  /** Position of that node in the packed layout, in hashes (multiply by 32 for bytes). */
  readonly offset: number;
}

export interface NodeLayout {
  readonly levels: readonly NodeLevelSpan[];
  /** Number of nodes in the layout. */
  readonly total: number;
}

/**
 * Level l holds the nodes ⌈begin / 2^l⌉ … ⌊end / 2^l⌋ − 1 (those whose 2^l leaves all lie in [begin, end)), for
 * every level from `lowest` (the lowest level the store keeps; the levels below are not stored, so not compared).
 */
export function chunkNodeLayout(begin: number, end: number, lowest = 1): NodeLayout {
  const levels: NodeLevelSpan[] = [];
  let offset = 0;
  for (let level = Math.max(1, lowest); 2 ** level <= end - begin; level++) {
    const width = 2 ** level;
    const first = Math.ceil(begin / width);
    const count = Math.floor(end / width) - first;
    if (count <= 0) continue;
    levels.push({ level, first, count, offset });
    offset += count;
  }
  return { levels, total: offset };
}

/** The byte offset of node `id` in the packed layout, or -1 when it is not wholly inside the run. */
export function slotOf(layout: NodeLayout, id: NodeId): number {
  const span = layout.levels.find((s) => s.level === id.level);
  if (span === undefined || id.index < span.first || id.index >= span.first + span.count) return -1;
  return (span.offset + id.index - span.first) * HASH_SIZE;
}
