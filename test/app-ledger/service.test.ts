import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { initLedger, openLedger, verifyBundle } from '../../src/app/index.ts';
import { verifyCheckpoint, verifyConsistency, verifyInclusion, leafHash } from '../../src/ledger/index.ts';
import { forEachDialect } from './dialects.ts';
import { sampleEvents } from './events.ts';

const hex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

forEachDialect('Ledger service', (harness) => {
  test('init creates one key, is idempotent, and refuses another origin', async () => {
    const store = await harness.freshUrl();
    const first = await initLedger({ store, origin: 'example.com/ledger' });
    assert.equal(first.created, true);
    assert.match(first.verifierKey, /^example\.com\/ledger\+[0-9a-f]{8}\+/);
    const again = await initLedger({ store });
    assert.equal(again.created, false);
    assert.equal(again.verifierKey, first.verifierKey);
    await assert.rejects(initLedger({ store, origin: 'other.example/x' }), { code: 'STORE_KEY_EXISTS' });
  });

  test('checkpoint, proofs and verify agree with the RFC 9162 verifiers', async () => {
    const store = await harness.freshUrl();
    const { verifierKey } = await initLedger({ store });
    const ledger = await openLedger({ store });
    try {
      await ledger.append(sampleEvents(5));
      const early = await ledger.checkpoint();
      await ledger.append(sampleEvents(8, 5));
      const late = await ledger.checkpoint();
      assert.equal(late.size, 13);
      assert.ok(verifyCheckpoint(late.text, verifierKey).ok);
      for (const index of [0, 4, 12]) {
        const proof = await ledger.inclusionProof(index);
        assert.equal(proof.root, late.root);
        assert.equal(proof.checkpoint, late.text);
        assert.equal(proof.leafHash, Buffer.from(leafHash(new TextEncoder().encode(proof.leaf))).toString('hex'));
        const check = verifyInclusion(hex(proof.leafHash), index, proof.treeSize, proof.auditPath.map(hex), hex(proof.root));
        assert.ok(check.ok, JSON.stringify(check));
        const byHash = await ledger.inclusionProof(proof.leafHash);
        assert.equal(byHash.index, index);
      }
      const consistency = await ledger.consistencyProof(5, 13);
      assert.equal(consistency.firstRoot, early.root);
      assert.equal(consistency.firstCheckpoint, early.text);
      assert.ok(verifyConsistency(5, 13, consistency.proof.map(hex), hex(early.root), hex(late.root)).ok);
      await assert.rejects(ledger.consistencyProof(3, 14), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(ledger.inclusionProof(13), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      const report = await ledger.verify();
      assert.deepEqual(report, { ok: true, size: 13, root: late.root, checkpoints: 2 });
    } finally {
      await ledger.close();
    }
  });

  test('checkpoint before init is refused with LEDGER_NOT_INITIALIZED', async () => {
    const ledger = await openLedger({ store: await harness.freshUrl() });
    try {
      await ledger.append(sampleEvents(1));
      await assert.rejects(ledger.checkpoint(), { code: 'LEDGER_NOT_INITIALIZED' });
      assert.equal((await ledger.verify()).ok, true);
    } finally {
      await ledger.close();
    }
  });

  test('an exported bundle verifies with no store and carries no private key', async () => {
    const store = await harness.freshUrl();
    await initLedger({ store });
    const folder = mkdtempSync(join(tmpdir(), 'steward-bundle-'));
    const ledger = await openLedger({ store, cwd: folder });
    try {
      await ledger.append(sampleEvents(9));
      await ledger.checkpoint();
      await ledger.append(sampleEvents(3, 9));
      const exported = await ledger.exportBundle('out/bundle.jsonl');
      assert.equal(exported.size, 12);
      const report = await verifyBundle('out/bundle.jsonl', folder);
      assert.deepEqual(report, { ok: true, size: 12, root: exported.checkpoint.root, checkpoints: 2 });
    } finally {
      await ledger.close();
    }
  });
});

test('an encrypted key needs its passphrase to sign', async () => {
  const store = join(mkdtempSync(join(tmpdir(), 'steward-key-')), 'steward.db');
  const init = await initLedger({ store, passphrase: 'correct horse' });
  assert.equal(init.encrypted, true);
  for (const passphrase of [undefined, 'wrong']) {
    const ledger = await openLedger(passphrase === undefined ? { store } : { store, passphrase });
    await assert.rejects(ledger.checkpoint(), { code: 'LEDGER_KEY_LOCKED' }).finally(() => ledger.close());
  }
  const ledger = await openLedger({ store, passphrase: 'correct horse' });
  try {
    const checkpoint = await ledger.checkpoint();
    assert.ok(verifyCheckpoint(checkpoint.text, init.verifierKey).ok);
  } finally {
    await ledger.close();
  }
});
