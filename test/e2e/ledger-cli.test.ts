import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import { openLedger } from '../../src/app/index.ts';
import { verifyInclusion } from '../../src/ledger/index.ts';
import { sampleEvents } from '../app-ledger/events.ts';
import { runCli } from './cli.ts';

const hex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

test('steward init, checkpoint, proof, export and verify work end to end, and tampering exits 1', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'steward-e2e-ledger-'));
  const store = join(folder, 'steward.db');
  const env = { STEWARD_STORE: store };
  const init = await runCli(['init', '--origin', 'example.com/e2e', '--format', 'json'], env);
  assert.equal(init.code, 0, init.stderr);
  const { verifierKey, created } = JSON.parse(init.stdout) as { verifierKey: string; created: boolean };
  assert.equal(created, true);
  assert.equal((await runCli(['init'], env)).code, 0);

  const ledger = await openLedger({ store });
  await ledger.append(sampleEvents(10)).finally(() => ledger.close());

  const checkpoint = await runCli(['checkpoint'], env);
  assert.equal(checkpoint.code, 0, checkpoint.stderr);
  assert.match(checkpoint.stdout, /^example\.com\/e2e\n10\n/);

  const proof = await runCli(['proof', 'inclusion', '3'], env);
  assert.equal(proof.code, 0, proof.stderr);
  const parsed = JSON.parse(proof.stdout) as { leafHash: string; treeSize: number; auditPath: string[]; root: string; verifierKey: string };
  assert.equal(parsed.verifierKey, verifierKey);
  assert.ok(verifyInclusion(hex(parsed.leafHash), 3, parsed.treeSize, parsed.auditPath.map(hex), hex(parsed.root)).ok);

  const verified = await runCli(['verify'], env);
  assert.equal(verified.code, 0, verified.stderr);
  assert.match(verified.stdout, /^verified: 10 events/);

  const bundle = join(folder, 'bundle.jsonl');
  assert.equal((await runCli(['export', bundle], env)).code, 0);
  assert.equal((await runCli(['verify', '--bundle', bundle])).code, 0);
  writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('loans-3', 'loans-X'));
  const badBundle = await runCli(['verify', '--bundle', bundle, '--format', 'json']);
  assert.equal(badBundle.code, 1);
  assert.equal((JSON.parse(badBundle.stdout) as { finding: { code: string } }).finding.code, 'LEDGER_ROOT_MISMATCH');

  const db = new DatabaseSync(store);
  db.prepare('DELETE FROM ledger_leaves WHERE idx = 4').run();
  db.close();
  const tampered = await runCli(['verify'], env);
  assert.equal(tampered.code, 1);
  assert.match(tampered.stdout, /FAILED LEDGER_LEAF_MISMATCH at index 4/);

  const usage = await runCli(['proof', 'consistency', '3', '99'], env);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /LEDGER_INDEX_OUT_OF_RANGE/);
});
