/**
 * The ledger's pure core: RFC 6962 / RFC 9162 Merkle tree hashing, proofs and their verification, C2SP signed-note
 * checkpoints with Ed25519, and whole-log verification. Storage lives in src/store and plugs in via HashSource.
 */
export { HASH_SIZE, EMPTY_ROOT, leafHash, nodeHash, splitPoint } from './hashing.ts';
export { bytesEqual, fromBase64Strict, isHash, toBase64, toHex } from './bytes.ts';
export type { NodeId, HashSource, AsyncHashSource } from './hash-source.ts';
export { nodeStart } from './hash-source.ts';
export { CompactRange, foldRight, frontierIds, alignedRangeIds, type NodeSink } from './compact-range.ts';
export { MemoryTree } from './memory-tree.ts';
export { planInclusion, planConsistency, type ProofRange } from './proof-plan.ts';
export {
  inclusionProof,
  consistencyProof,
  inclusionProofAsync,
  consistencyProofAsync,
  rootAt,
  planIds,
  assemble,
} from './proofs.ts';
export { verifyInclusion, verifyConsistency, type ProofCheck } from './verify-proofs.ts';
export {
  generateLedgerKey,
  parseVerifierKey,
  formatVerifierKey,
  verifierKeyOf,
  noteKeyId,
  isValidKeyName,
  type LedgerKey,
  type LedgerSigningKey,
  type VerifierKey,
} from './keys.ts';
export { parseNote, signNote, type NoteSignature, type ParsedNote } from './note.ts';
export {
  formatCheckpoint,
  signCheckpoint,
  parseCheckpoint,
  parseCheckpointText,
  type Checkpoint,
  type SignedCheckpoint,
} from './checkpoint.ts';
export { verifyCheckpoint, type CheckpointCheck } from './verify-checkpoint.ts';
export { verifyLog, type LogCheck, type TreeHead, type VerifyLogOptions } from './verify-log.ts';
export { verifyChunks, verifyRunChunks, type ChunkRunner, type LeafChunk, type VerifyChunksOptions } from './verify-chunks.ts';
export { hashChunk, leafCount, packChunk, type ChunkResult, type PackedLeaves } from './chunk-hasher.ts';
export { chunkNodeLayout, slotOf, type NodeLayout, type NodeLevelSpan } from './chunk-nodes.ts';
