import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  openLedger,
  publishPolicy,
  recordDataset,
  recordDeployment,
  recordRun,
  recordVerdict,
  recordVersion,
  runCheck,
  type Ledger,
} from '../../src/app/index.ts';

const at = new Date('2026-11-01T00:00:00Z');
const ci = { provider: 'github' as const, repository: 'acme/credit', commit: 'f00d' };

async function fresh(): Promise<{ ledger: Ledger; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'steward-records-'));
  return { ledger: await openLedger({ store: join(dir, 'steward.db') }), dir };
}

/** Asserts the call fails with the code and that the log did not grow. */
async function refused(ledger: Ledger, code: string, call: () => Promise<unknown>): Promise<void> {
  const before = await ledger.size();
  await assert.rejects(call(), (error: { code?: string }) => error.code === code);
  assert.equal(await ledger.size(), before, `${code}: nothing appended`);
}

test('a dataset, run, version and deployment chain is recorded with pinned digests and the CI context', async () => {
  const { ledger, dir } = await fresh();
  try {
    writeFileSync(join(dir, 'train.csv'), 'a,b\n1,x\n2,y\n');
    writeFileSync(join(dir, 'model.bin'), 'weights');
    const data = await recordDataset(ledger, { path: join(dir, 'train.csv'), name: 'train' }, { at, ci });
    assert.equal(data.event.rows, 2);
    assert.deepEqual(data.event.ci, ci);
    const trained = await recordRun(ledger, { id: 'r1', datasets: ['train'], params: ['lr=0.1'] }, { at, ci });
    assert.deepEqual(trained.event.datasets, [{ name: 'train', digest: data.event.digest }]);
    assert.deepEqual(trained.event.code, { repository: 'acme/credit', commit: 'f00d' }, 'the CI commit when --commit is absent');
    const built = await recordVersion(ledger, { ref: 'm@1', artifact: join(dir, 'model.bin'), run: 'r1' }, { at });
    assert.equal(built.index, 2);
    const live = await recordDeployment(ledger, { ref: 'm@1', environment: 'production' }, { at });
    assert.equal(live.event.recordedAt, '2026-11-01T00:00:00.000Z');
    assert.equal(await ledger.size(), 4);
  } finally {
    await ledger.close();
  }
});

test('bad references and missing files are coded errors that append nothing', async () => {
  const { ledger, dir } = await fresh();
  try {
    writeFileSync(join(dir, 'model.bin'), 'weights');
    await refused(ledger, 'INPUT_FILE_NOT_FOUND', () => recordDataset(ledger, { path: join(dir, 'missing.csv'), name: 'x' }, { at }));
    await refused(ledger, 'RECORD_UNKNOWN_DATASET', () => recordRun(ledger, { id: 'r1', datasets: ['never'] }, { at }));
    await refused(ledger, 'RECORD_UNKNOWN_RUN', () => recordVersion(ledger, { ref: 'm@1', artifact: join(dir, 'model.bin'), run: 'nope' }, { at }));
    await refused(ledger, 'RECORD_UNKNOWN_VERSION', () => recordDeployment(ledger, { ref: 'm@9', environment: 'production' }, { at }));
    await refused(ledger, 'INPUT_FILE_NOT_FOUND', () => recordVersion(ledger, { ref: 'm@1', artifact: join(dir, 'gone') }, { at }));
    await recordVersion(ledger, { ref: 'm@1', artifact: join(dir, 'model.bin') }, { at });
    await refused(ledger, 'RECORD_DUPLICATE', () => recordVersion(ledger, { ref: 'm@1', artifact: join(dir, 'model.bin') }, { at }));
    await recordDataset(ledger, { path: join(dir, 'model.bin'), name: 'blob' }, { at });
    await refused(ledger, 'RECORD_UNKNOWN_DATASET', () => recordRun(ledger, { id: 'r2', datasets: [`blob@sha256:${'0'.repeat(64)}`] }, { at }));
    await refused(ledger, 'INPUT_FILE_NOT_FOUND', () => publishPolicy(ledger, join(dir, 'policy.yaml'), { at }));
  } finally {
    await ledger.close();
  }
});

test('a recorded verdict keeps the check digests; an unrecorded version is a warning, not a refusal', async () => {
  const { ledger } = await fresh();
  const example = 'examples/credit-scoring';
  try {
    const verdict = await runCheck({
      policyFile: `${example}/policy.yaml`, dataFile: `${example}/evaluation.csv`, baselineFile: `${example}/baseline.csv`,
      modelCardFile: `${example}/model-card.yaml`, waiversFile: `${example}/waivers.yaml`, model: 'credit-scoring@2.0.0', now: at,
    });
    const published = await publishPolicy(ledger, `${example}/policy.yaml`, { at });
    const recorded = await recordVerdict(ledger, verdict, { at });
    assert.equal(recorded.warnings.length, 1);
    assert.match(recorded.warnings[0] ?? '', /credit-scoring@2\.0\.0 was never recorded/);
    assert.equal(recorded.event.verdictDigest, verdict.digest);
    assert.equal(recorded.event.policy.digest, published.event.digest);
    assert.deepEqual(recorded.event.summary, verdict.summary);
    assert.equal(recorded.event.findings.length, verdict.findings.length);
    assert.equal(await ledger.size(), 2);
  } finally {
    await ledger.close();
  }
});
