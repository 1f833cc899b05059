import { availableParallelism } from 'node:os';
import { consistencyProofAsync, toHex, verifyChunks, verifyConsistency, verifyRunChunks, type LogCheck, type TreeHead } from '../../ledger/index.ts';
import type { Store } from '../../store/index.ts';
import { checkpointHeads } from './checkpoint-heads.ts';
import { identityOf } from './key-store.ts';
import { NodeCheck } from './node-check.ts';
import { storeHashSource } from './node-source.ts';
import { ReadingPool, type ReadResult, type StoreSource } from './reading-pool.ts';
import { StoreChunks } from './store-chunks.ts';
import type { VerifyFinding, VerifyReport } from './types.ts';

/** Leaves per chunk: 2^12, the unit of one store read and one worker job (aligned, so its nodes are its own). */
const CHUNK_SIZE = 2 ** 12;

/**
 * `steward verify` on a store. Trusts nothing stored but the ledger public key and what it signed:
 * 1. every checkpoint's signature, origin and size (a bad one is the finding: no tree head comes from it);
 * 2. one streamed pass recomputing every leaf hash, every interior node and the root at every checkpoint size
 *    (verifyChunks, on worker threads), checking that no index is missing, that every stored leaf hash and every
 *    stored interior node equals the recomputed one;
 * 3. consistency proofs, served from the stored nodes, between successive checkpoints and up to the current log.
 * The last checkpoint shown to a user is among the heads, so a history rewritten with every hash recomputed still
 * fails at the size the user saw. The first problem in leaf order is reported.
 */
export async function verifyStore(store: Store, source?: StoreSource): Promise<VerifyReport> {
  const size = await store.size();
  const identity = await identityOf(store);
  const stored = await store.checkpoints();
  const fail = (finding: VerifyFinding): VerifyReport => ({ ok: false, size, checkpoints: stored.length, finding });
  const checked = checkpointHeads(stored, identity?.verifierKey);
  if ('finding' in checked) return fail(checked.finding);

  const nodes = new NodeCheck(store, size);
  const { log, problem } =
    source !== undefined && store.dialect === 'sqlite' && size > CHUNK_SIZE
      ? await readOnThreads(source, size, checked.heads, nodes)
      : await readHere(store, size, checked.heads, nodes);
  if (problem === undefined) await nodes.finish();
  const first = preciseFinding(problem, nodes, log) ?? logFinding(log, size);
  if (first !== undefined) return fail(first);

  const inconsistent = await checkConsistency(store, checked.heads, size);
  if (inconsistent !== undefined) return fail(inconsistent);
  return { ok: true, size, root: log.ok ? toHex(log.root) : '', checkpoints: stored.length };
}

/**
 * Chunks read on this thread, hashed on worker threads. On PostgreSQL two chunks are read at once on separate
 * connections (the server builds each on one backend process), and their round trips overlap the hashing.
 */
async function readHere(store: Store, size: number, heads: readonly TreeHead[], nodes: NodeCheck): Promise<{ log: LogCheck; problem: VerifyFinding | undefined }> {
  const reader = new StoreChunks(store, size, CHUNK_SIZE, store.dialect === 'postgres' ? 2 : 1);
  const log = await verifyChunks(reader.chunks(), heads, nodes);
  return { log, problem: reader.problem };
}

/** The embedded store: each thread opens the file and reads and hashes whole chunks; this one only folds. */
async function readOnThreads(source: StoreSource, size: number, heads: readonly TreeHead[], nodes: NodeCheck): Promise<{ log: LogCheck; problem: VerifyFinding | undefined }> {
  const pool = new ReadingPool(source, size, Math.min(2, availableParallelism()), CHUNK_SIZE);
  let problem: VerifyFinding | undefined;
  const stopAfter = (result: ReadResult): boolean => {
    problem = result.problem;
    return problem !== undefined;
  };
  try {
    const log = await verifyRunChunks(size, pool, heads, { onNode: nodes.onNode, onNodeMismatch: nodes.onNodeMismatch, onBadTop: nodes.onBadTop, stopAfter });
    return { log, problem };
  } finally {
    await pool.close();
  }
}

/** verifyLog's result as a finding with the first leaf index it implicates. */
export function logFinding(log: LogCheck, count: number): VerifyFinding | undefined {
  if (log.ok) return undefined;
  switch (log.code) {
    case 'LEDGER_LEAF_MISMATCH':
      return { code: log.code, index: log.index, reason: log.reason };
    case 'LEDGER_ROOT_MISMATCH':
      return { code: log.code, index: log.after, size: log.size, reason: `${log.reason}; the first changed leaf is in [${log.after}, ${log.size})` };
    case 'LEDGER_LOG_TRUNCATED':
      return { code: log.code, index: count, size: log.size, reason: log.reason };
  }
}

/**
 * The first finding that names a bad leaf or node exactly: a missing row or a leaf whose hash is wrong, or the first
 * bad interior node — unless a bad leaf lies under that node, which is then the more precise answer. A root
 * mismatch alone (every stored hash consistent, yet not what was signed) only bounds the change, so it comes last.
 */
function preciseFinding(missing: VerifyFinding | undefined, nodes: NodeCheck, log: LogCheck): VerifyFinding | undefined {
  const leaf = log.ok || log.code !== 'LEDGER_LEAF_MISMATCH' ? undefined : { code: log.code, index: log.index, reason: log.reason };
  const direct = firstFinding([missing, leaf]);
  const node = nodes.problem;
  if (node?.index === undefined) return direct;
  if (direct?.index !== undefined && direct.index < node.index + nodes.span) return direct;
  return node;
}

/** The finding with the lowest leaf index; at equal index the earlier one in the list (the more precise check). */
export function firstFinding(findings: readonly (VerifyFinding | undefined)[]): VerifyFinding | undefined {
  let best: VerifyFinding | undefined;
  for (const finding of findings) {
    if (finding === undefined) continue;
    if (best === undefined || (finding.index ?? Infinity) < (best.index ?? Infinity)) best = finding;
  }
  return best;
}

async function checkConsistency(store: Store, heads: readonly TreeHead[], size: number): Promise<VerifyFinding | undefined> {
  const source = storeHashSource(store);
  for (let k = 0; k + 1 < heads.length; k++) {
    const a = heads[k] as TreeHead;
    const b = heads[k + 1] as TreeHead;
    const proof = await consistencyProofAsync(source, a.size, b.size);
    const check = verifyConsistency(a.size, b.size, proof, a.root, b.root);
    if (!check.ok) {
      return { code: 'LEDGER_INCONSISTENT', size: b.size, reason: `checkpoints ${a.size} and ${b.size} are not consistent: ${check.reason}` };
    }
  }
  const last = heads.at(-1);
  if (last !== undefined && last.size > size) {
    return { code: 'LEDGER_LOG_TRUNCATED', index: size, size: last.size, reason: `a checkpoint states ${last.size} leaves but the log has ${size}` };
  }
  return undefined;
}
