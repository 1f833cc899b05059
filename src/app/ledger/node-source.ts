import { fail } from '../../core/index.ts';
import { EMPTY_ROOT, foldRight, frontierIds, type AsyncHashSource, type NodeId } from '../../ledger/index.ts';
import type { Store } from '../../store/index.ts';

/**
 * The ledger's AsyncHashSource over the store. The store answers `undefined` for a node it does not have, while the
 * ledger's proof code expects every requested node to exist; a missing node below the log size means the store was
 * damaged or edited, so it becomes a coded error naming the node instead of a crash further down.
 */
export function storeHashSource(store: Store): AsyncHashSource {
  return {
    async getNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
      const found = await store.nodes(ids);
      return found.map((hash, k) => {
        if (hash === undefined) {
          const id = ids[k] as NodeId;
          fail('LEDGER_NODE_MISMATCH', `the store ${store.location} has no tree node (level ${id.level}, index ${id.index})`, {
            hint: 'the store was damaged or edited: run `steward verify`',
          });
        }
        return hash;
      });
    },
  };
}

/** MTH of the first `size` leaves, folded from the O(log n) perfect subtrees of its frontier (one query). */
export async function rootOf(source: AsyncHashSource, size: number): Promise<Uint8Array> {
  return foldRight(await source.getNodes(frontierIds(size))) ?? EMPTY_ROOT;
}
