import { bytesEqual, type NodeId } from '../../ledger/index.ts';
import type { Store } from '../../store/index.ts';
import type { VerifyFinding } from './types.ts';

const key = (id: NodeId): string => `${id.level}/${id.index}`;
const startOf = (id: NodeId): number => id.index * 2 ** id.level;

/**
 * Checks the stored interior nodes (levels ≥ 1) that proofs are served from: each must be present and equal the node
 * recomputed from the leaves. Inside each chunk the hashing threads compare them in bulk and report the chunk's
 * first root cause (a bad node whose children are good: its ancestors differ only because it does). The nodes above
 * the chunks (about n / 4096) are completed while chunks are merged; they are collected here and compared with the
 * stored ones in one query at the end. The finding names the bad node covering the lowest leaf.
 */
export class NodeCheck {
  readonly #store: Store;
  readonly #size: number;
  readonly #above: { level: number; index: number; hash: Uint8Array }[] = [];
  readonly #bad = new Set<string>();
  #first: NodeId | undefined;

  constructor(store: Store, size: number) {
    this.#store = store;
    this.#size = size;
  }

  /** A chunk's root cause; chunks arrive in index order, so the first one reported covers the lowest leaf. */
  readonly onNodeMismatch = (id: NodeId): void => {
    this.#consider(id);
  };

  /** A chunk's top node that differs from its stored copy (its parent above is then not a root cause). */
  readonly onBadTop = (id: NodeId): void => {
    this.#bad.add(key(id));
  };

  /** A node completed above the chunks while merging them. */
  readonly onNode = (level: number, index: number, hash: Uint8Array): void => {
    if (level > 0) this.#above.push({ level, index, hash });
  };

  /** Compares the nodes above the chunks with the stored ones (lowest level first, so children are judged first). */
  async finish(): Promise<void> {
    const above = [...this.#above].sort((a, b) => a.level - b.level || a.index - b.index);
    const stored = above.length === 0 ? [] : await this.#store.nodes(above);
    above.forEach((node, k) => {
      const copy = stored[k];
      if (copy !== undefined && bytesEqual(copy, node.hash)) return;
      this.#bad.add(key(node));
      const children = [{ level: node.level - 1, index: 2 * node.index }, { level: node.level - 1, index: 2 * node.index + 1 }];
      if (!children.some((child) => this.#bad.has(key(child)))) this.#consider(node);
    });
  }

  /** How many leaves the bad node covers, from problem.index. */
  get span(): number {
    return this.#first === undefined ? 0 : 2 ** this.#first.level;
  }

  #consider(id: NodeId): void {
    const first = this.#first;
    if (first === undefined || startOf(id) < startOf(first) || (startOf(id) === startOf(first) && id.level < first.level)) this.#first = id;
  }

  get problem(): VerifyFinding | undefined {
    const node = this.#first;
    if (node === undefined) return undefined;
    const start = startOf(node);
    const what = node.level === 1 ? `leaves ${start} and ${start + 1}` : `the ${this.span} leaves from ${start}`;
    return {
      code: 'LEDGER_NODE_MISMATCH',
      index: start,
      reason: `the stored tree node at level ${node.level} over ${what} is missing or differs from the one recomputed from the leaves (log size ${this.#size})`,
    };
  }
}
