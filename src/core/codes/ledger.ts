import type { CodeSpec } from './types.ts';

/** Codes of the ledger, its proofs, checkpoints and bundles. */
export const ledgerCodes = {
  LEDGER_LEAF_MISMATCH: { category: 'input', summary: 'A stored leaf hash does not match the hash of its stored event.' },
  LEDGER_ROOT_MISMATCH: { category: 'input', summary: 'A recomputed tree root does not match the root in a checkpoint or stored tree head.' },
  LEDGER_BAD_PROOF: { category: 'input', summary: 'An inclusion or consistency proof does not verify, or is of the wrong length.' },
  LEDGER_BAD_SIGNATURE: { category: 'input', summary: 'A checkpoint signature does not verify with the ledger public key.' },
  LEDGER_MALFORMED_CHECKPOINT: { category: 'input', summary: 'A checkpoint is not in the C2SP signed-note / tlog-checkpoint format.' },
  LEDGER_INDEX_OUT_OF_RANGE: { category: 'usage', summary: 'A leaf index or tree size is outside the log.' },
} as const satisfies Record<string, CodeSpec>;
