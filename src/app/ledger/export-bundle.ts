import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fail } from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import { BUNDLE_FORMAT, type BundleHeader } from './bundle-format.ts';
import { currentCheckpoint } from './checkpoint.ts';
import { identityOf } from './key-store.ts';
import type { ExportResult } from './types.ts';

const NEWLINE = Uint8Array.of(0x0a);

/**
 * Writes the bundle for the log's current size (signing a checkpoint for it if needed) to a temporary sibling and
 * renames it into place, so a failed export leaves no half-written bundle. Leaves stream from the store in pages.
 */
export async function exportBundle(store: Store, path: string, cwd: string, passphrase: string | undefined, now: Date): Promise<ExportResult> {
  const identity = await identityOf(store);
  if (identity === undefined) {
    fail('LEDGER_NOT_INITIALIZED', `the store ${store.location} has no ledger key to sign the bundle's checkpoint`, { hint: 'run `steward init` first' });
  }
  const checkpoint = await currentCheckpoint(store, passphrase, now);
  const checkpoints = (await store.checkpoints()).filter((c) => c.size <= checkpoint.size).map((c) => c.text);
  const header: BundleHeader = { format: BUNDLE_FORMAT, origin: identity.origin, size: checkpoint.size, verifierKey: identity.verifierKey, checkpoints };
  const target = resolve(cwd, path);
  const temp = `${target}.tmp-${process.pid}`;
  try {
    await mkdir(dirname(target), { recursive: true });
    const out = createWriteStream(temp);
    const write = async (chunk: Uint8Array | string): Promise<void> => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    await write(`${JSON.stringify(header)}\n`);
    for await (const leaf of store.readLeaves(0, checkpoint.size)) {
      await write(leaf.leaf);
      await write(NEWLINE);
    }
    out.end();
    await once(out, 'finish');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code)) {
      fail('INPUT_OUTPUT_UNWRITABLE', `cannot write the bundle ${path}: ${error.message}`, { location: { file: path } });
    }
    throw error;
  }
  return { path, size: checkpoint.size, checkpoint };
}
