import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The background checkpointer's thread (checkpointer.ts): its own connection to the store's file runs a PASSIVE
 * checkpoint every `intervalMs`, copying the WAL's committed pages into the database file and fsyncing it, while the
 * writing connection goes on appending to the WAL. PASSIVE never waits for readers or writers and never blocks them
 * (https://sqlite.org/c3ref/wal_checkpoint_v2.html), so a busy moment only postpones the copy to the next tick.
 * With synchronous FULL (or NORMAL) a checkpoint syncs the WAL before copying and the database after, so it is as
 * safe as the automatic checkpoint it replaces; a commit's own durability never depended on checkpoints.
 */
interface CheckpointerData {
  readonly path: string;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly intervalMs: number;
}

const { path, synchronous, intervalMs } = workerData as CheckpointerData;
const db = new DatabaseSync(path, { timeout: 0 });
db.exec(`PRAGMA synchronous = ${synchronous}`);
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const BUSY = new Set([5, 6]); // SQLITE_BUSY, SQLITE_LOCKED (https://sqlite.org/rescode.html)

const timer = setInterval(() => {
  try {
    checkpoint.get();
  } catch (error) {
    // Another process's checkpoint holds the checkpoint lock (SQLITE_BUSY, SQLITE_LOCKED): it does the copy.
    if (BUSY.has(((error as { errcode?: number }).errcode ?? 0) & 0xff)) return;
    // A failed copy changes nothing that is committed; the thread exits and the writer checkpoints on its own again.
    clearInterval(timer);
    db.close();
    throw error;
  }
}, intervalMs);

parentPort?.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
