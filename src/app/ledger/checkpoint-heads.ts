import { bytesEqual, parseVerifierKey, verifyCheckpoint, type TreeHead, type VerifierKey } from '../../ledger/index.ts';
import type { VerifyFinding } from './types.ts';

/** A signed checkpoint as read from a store or a bundle: its claimed size and the signed note. */
export interface CheckpointInput {
  readonly size: number;
  readonly text: string;
  /** The root as stored beside the note (stores keep it in a column); compared with the signed one. */
  readonly root?: Uint8Array;
  readonly line?: number;
}

/**
 * Turns signed checkpoints into tree heads for verifyLog, trusting only what the ledger key signed: each note must
 * carry a valid signature by the verifier key, name the key's origin, and state the size it is stored under. The
 * first checkpoint that fails any of these is the finding; nothing is trusted from an unsigned column.
 */
export function checkpointHeads(inputs: readonly CheckpointInput[], verifierKey: string | undefined): { heads: TreeHead[] } | { finding: VerifyFinding } {
  if (inputs.length === 0) return { heads: [] };
  if (verifierKey === undefined) {
    return { finding: { code: 'LEDGER_BAD_SIGNATURE', reason: `there are ${inputs.length} checkpoints but no ledger public key to check them with` } };
  }
  let key: VerifierKey;
  try {
    key = parseVerifierKey(verifierKey);
  } catch (error) {
    return { finding: { code: 'LEDGER_MALFORMED_KEY', reason: (error as Error).message } };
  }
  const heads: TreeHead[] = [];
  for (const input of inputs) {
    const where = input.line === undefined ? {} : { line: input.line };
    const check = verifyCheckpoint(input.text, key, { origin: key.name });
    if (!check.ok) return { finding: { code: check.code, size: input.size, ...where, reason: `checkpoint of size ${input.size}: ${check.reason}` } };
    const { size, root } = check.checkpoint;
    if (size !== input.size) {
      return { finding: { code: 'LEDGER_MALFORMED_CHECKPOINT', size: input.size, ...where, reason: `a checkpoint stored for size ${input.size} is signed for size ${size}` } };
    }
    if (input.root !== undefined && !bytesEqual(input.root, root)) {
      return { finding: { code: 'LEDGER_ROOT_MISMATCH', size, ...where, reason: `the stored root of checkpoint ${size} differs from the root it was signed with` } };
    }
    heads.push({ size, root });
  }
  return { heads };
}
