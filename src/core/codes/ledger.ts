import type { CodeSpec } from './types.ts';

/** Codes of the ledger, its proofs, checkpoints and bundles. */
export const ledgerCodes = {
  LEDGER_LEAF_MISMATCH: { category: 'input', summary: 'A stored leaf hash does not match the hash of its stored event.' },
  LEDGER_ROOT_MISMATCH: { category: 'input', summary: 'A recomputed tree root does not match the root in a checkpoint or stored tree head.' },
  LEDGER_BAD_PROOF: { category: 'input', summary: 'An inclusion or consistency proof does not verify, or is of the wrong length.' },
  LEDGER_BAD_SIGNATURE: { category: 'input', summary: 'A checkpoint signature does not verify with the ledger public key.' },
  LEDGER_MALFORMED_CHECKPOINT: { category: 'input', summary: 'A checkpoint is not in the C2SP signed-note / tlog-checkpoint format.' },
  LEDGER_MALFORMED_KEY: { category: 'input', summary: 'A verifier key is not `<name>+<8 hex digits key ID>+<base64 of 0x01 and a 32-byte Ed25519 public key>`, or its key ID does not match its name and key.' },
  LEDGER_ORIGIN_MISMATCH: { category: 'input', summary: 'A checkpoint names a different log (origin line) than the one being verified.' },
  LEDGER_LOG_TRUNCATED: { category: 'input', summary: 'The log has fewer leaves than a signed checkpoint states: entries were removed after the checkpoint was signed.' },
  LEDGER_INDEX_OUT_OF_RANGE: { category: 'usage', summary: 'A leaf index or tree size is outside the log.' },
  LEDGER_INVALID_EVENT: { category: 'usage', summary: 'An event given to the ledger append has a missing, unknown or malformed field; nothing of its batch was appended.' },
  LEDGER_NOT_INITIALIZED: { category: 'usage', summary: 'The store has no ledger key yet: run `steward init` (with the same --store) first.' },
  LEDGER_KEY_LOCKED: { category: 'input', summary: 'The ledger key is encrypted and STEWARD_KEY_PASSPHRASE is missing or wrong.' },
  LEDGER_MALFORMED_BUNDLE: { category: 'input', summary: 'A ledger bundle file is not the JSON-lines bundle `steward export` writes; the message names the line.' },
  LEDGER_NODE_MISMATCH: { category: 'input', summary: 'A stored interior tree node is not the hash of its two stored children, so proofs served from it would not verify.' },
  LEDGER_INCONSISTENT: { category: 'input', summary: 'Two signed checkpoints (or the last one shown to a user and the current log) are not consistent: history was rewritten.' },
} as const satisfies Record<string, CodeSpec>;
