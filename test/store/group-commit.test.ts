import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GroupCommit } from '../../src/store/group-commit.ts';

/** A log in memory as the commit function: records each batch it is given. */
function memoryLog(failOn?: string) {
  const batches: string[][] = [];
  const commit = async (items: readonly string[]) => {
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (failOn !== undefined && items.includes(failOn)) throw new Error(`disk full at ${failOn}`);
    const first = batches.flat().length;
    batches.push([...items]);
    return { first, size: first + items.length };
  };
  return { batches, commit };
}

test('callers arriving while a batch commits share the next batch, in arrival order', async () => {
  const log = memoryLog();
  const group = new GroupCommit(log.commit, 100);
  const first = group.append(['a']);
  await new Promise((resolve) => setImmediate(resolve)); // let the first batch start alone
  const rest = [group.append(['b', 'c']), group.append(['d'])];
  assert.deepEqual(await Promise.all([first, ...rest]), [
    { first: 0, count: 1, size: 1 },
    { first: 1, count: 2, size: 4 },
    { first: 3, count: 1, size: 4 },
  ]);
  assert.deepEqual(log.batches, [['a'], ['b', 'c', 'd']]);
});

test('a failed batch rejects exactly its callers; the next batch still commits', async () => {
  const log = memoryLog('bad');
  const group = new GroupCommit(log.commit, 2);
  const results = await Promise.allSettled([group.append(['x']), group.append(['bad']), group.append(['y'])]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected', 'fulfilled']);
  assert.deepEqual(log.batches, [['y']]);
  await group.idle();
});

test('idle resolves only after every queued append has settled', async () => {
  const log = memoryLog();
  const group = new GroupCommit(log.commit, 1);
  const settled: number[] = [];
  for (let k = 0; k < 5; k++) void group.append([`i${k}`]).then(() => settled.push(k));
  await group.idle();
  assert.deepEqual(settled, [0, 1, 2, 3, 4]);
  assert.equal(log.batches.length, 5);
});
