import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fail } from '../../core/index.ts';
import { parseCheckpoint, toHex, verifyLog, type TreeHead } from '../../ledger/index.ts';
import { BUNDLE_FORMAT } from './bundle-format.ts';
import { byteLines } from './bundle-lines.ts';
import { checkpointHeads, type CheckpointInput } from './checkpoint-heads.ts';
import { firstFinding, logFinding } from './verify-store.ts';
import type { VerifyFinding, VerifyReport } from './types.ts';

/**
 * `steward verify --bundle`: checks an exported bundle with no store, trusting only the verifier key it carries
 * (compare it with the published one): every checkpoint's signature, then every leaf and the root at every
 * checkpoint size recomputed from the leaf lines. A damaged bundle is a finding naming the line, never a crash.
 */
export async function verifyBundle(path: string, cwd: string): Promise<VerifyReport> {
  const file = resolve(cwd, path);
  await access(file).catch(() => fail('INPUT_FILE_NOT_FOUND', `the bundle ${path} does not exist or cannot be read`, { location: { file: path } }));
  const lines = byteLines(file)[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = first.done === true ? undefined : parseHeader(first.value.bytes);
  if (header === undefined || 'finding' in header) {
    const finding = header?.finding ?? { code: 'LEDGER_MALFORMED_BUNDLE', line: 1, reason: 'the bundle is empty' };
    return { ok: false, size: 0, checkpoints: 0, finding };
  }
  const inputs: CheckpointInput[] = header.checkpoints.map((text) => ({ size: sizeOf(text), text, line: 1 }));
  const checked = checkpointHeads(inputs, header.verifierKey);
  const failed = (finding: VerifyFinding): VerifyReport => ({ ok: false, size: header.size, checkpoints: inputs.length, finding });
  if ('finding' in checked) return failed(checked.finding);
  const heads: TreeHead[] = checked.heads;
  if (heads.at(-1)?.size !== header.size) {
    return failed({ code: 'LEDGER_MALFORMED_BUNDLE', line: 1, reason: `the header states ${header.size} leaves but no checkpoint of that size` });
  }
  const total = header.size;
  const state: { problem?: VerifyFinding; count: number } = { count: 0 };
  async function* leaves(): AsyncGenerator<Uint8Array> {
    for (let next = await lines.next(); next.done !== true; next = await lines.next()) {
      const line = state.count + 2;
      if (state.count === total) {
        state.problem = { code: 'LEDGER_MALFORMED_BUNDLE', index: state.count, line, reason: `line ${line} is beyond the ${total} leaves the header states` };
        return;
      }
      if (!next.value.terminated || next.value.bytes.length === 0) {
        const what = next.value.bytes.length === 0 ? 'is empty' : 'does not end with a newline';
        state.problem = { code: 'LEDGER_MALFORMED_BUNDLE', index: state.count, line, reason: `line ${line} (leaf ${state.count}) ${what}` };
        return;
      }
      state.count++;
      yield next.value.bytes;
    }
  }
  const log = await verifyLog(leaves(), undefined, heads);
  const found = firstFinding([state.problem, logFinding(log, state.count)]);
  if (found !== undefined) return failed(found.line === undefined && found.index !== undefined ? { ...found, line: found.index + 2 } : found);
  return { ok: true, size: header.size, root: log.ok ? toHex(log.root) : '', checkpoints: inputs.length };
}

type Header = { size: number; verifierKey: string; checkpoints: string[] };

function parseHeader(bytes: Uint8Array): Header | { finding: VerifyFinding } {
  const bad = (reason: string): { finding: VerifyFinding } => ({ finding: { code: 'LEDGER_MALFORMED_BUNDLE', line: 1, reason } });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return bad('line 1 is not the JSON header of a ledger bundle');
  }
  if (typeof value !== 'object' || value === null) return bad('line 1 is not a JSON object');
  const header = value as Record<string, unknown>;
  if (header.format !== BUNDLE_FORMAT) return bad(`line 1 has format ${JSON.stringify(header.format)}, expected "${BUNDLE_FORMAT}"`);
  const { size, verifierKey, checkpoints } = header;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return bad('the header size is not a non-negative integer');
  if (typeof verifierKey !== 'string') return bad('the header has no verifierKey string');
  if (!Array.isArray(checkpoints) || checkpoints.length === 0 || !checkpoints.every((c) => typeof c === 'string')) {
    return bad('the header has no list of signed checkpoints');
  }
  return { size, verifierKey, checkpoints: checkpoints as string[] };
}

/** The size a checkpoint claims (its signature is checked afterwards); -1 when it does not even parse. */
function sizeOf(text: string): number {
  try {
    return parseCheckpoint(text).checkpoint.size;
  } catch {
    return -1;
  }
}
