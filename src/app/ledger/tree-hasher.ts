import { leafHash, nodeHash } from '../../ledger/index.ts';
import type { TreeHasher } from '../../store/index.ts';

/** The ledger's RFC 6962 hashing handed to the store, which may not import src/ledger itself (layer rule). */
export const treeHasher: TreeHasher = { leafHash, nodeHash };
