import { bytesEqual, toHex } from './bytes.ts';
import type { ChunkResult } from './chunk-hasher.ts';
import { CompactRange, type NodeSink } from './compact-range.ts';
import { EMPTY_ROOT } from './hashing.ts';
import type { LogCheck, TreeHead } from './verify-log.ts';

/** Folds chunk results in index order into the log's frontier and checks tree heads as their sizes are reached. */
export class Folder {
  readonly #heads: readonly TreeHead[];
  readonly #frontier = new CompactRange(0);
  readonly #onNode: NodeSink | undefined;
  #nextHead = 0;
  #lastGood = 0;

  /** `onNode` sees every perfect subtree completed by merging chunks (not the ones inside a chunk). */
  constructor(heads: readonly TreeHead[], onNode?: NodeSink) {
    this.#heads = heads;
    this.#onNode = onNode;
  }

  checkEmpty(): LogCheck | undefined {
    while (this.#heads[this.#nextHead]?.size === 0) {
      const problem = this.#compare(this.#heads[this.#nextHead++] as TreeHead, EMPTY_ROOT);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }

  fold(result: ChunkResult): LogCheck | undefined {
    for (const cut of result.cuts) {
      const head = this.#heads[this.#nextHead];
      if (head === undefined || head.size !== cut.size) continue;
      if (result.mismatch >= 0 && result.mismatch < cut.size) break; // the leaf mismatch comes first in index order
      const prefix = this.#frontier.clone();
      for (const node of cut.nodes) prefix.appendNode(node.level, node.hash);
      const root = prefix.root();
      while (this.#heads[this.#nextHead]?.size === cut.size) {
        const problem = this.#compare(this.#heads[this.#nextHead++] as TreeHead, root);
        if (problem !== undefined) return problem;
      }
    }
    if (result.mismatch >= 0) {
      return { ok: false, code: 'LEDGER_LEAF_MISMATCH', index: result.mismatch, reason: `the stored hash of leaf ${result.mismatch} is not the hash of its stored leaf` };
    }
    for (const node of result.nodes) this.#frontier.appendNode(node.level, node.hash, this.#onNode);
    return undefined;
  }

  finish(): LogCheck {
    const head = this.#heads[this.#nextHead];
    if (head !== undefined) {
      return { ok: false, code: 'LEDGER_LOG_TRUNCATED', size: head.size, reason: `a tree head states ${head.size} leaves but the log has ${this.#frontier.end}` };
    }
    return { ok: true, size: this.#frontier.end, root: this.#frontier.root() };
  }

  #compare(head: TreeHead, root: Uint8Array): LogCheck | undefined {
    if (bytesEqual(head.root, root)) {
      this.#lastGood = head.size;
      return undefined;
    }
    return {
      ok: false,
      code: 'LEDGER_ROOT_MISMATCH',
      size: head.size,
      after: this.#lastGood,
      reason: `the root of the first ${head.size} leaves is ${toHex(root)}, the tree head states ${toHex(head.root)}`,
    };
  }
}

