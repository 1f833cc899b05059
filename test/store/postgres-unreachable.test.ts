import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../src/store/index.ts';
import { sha256TreeHasher } from './hasher.ts';

test('an unreachable PostgreSQL URL is a coded error naming host and port but not the password', async () => {
  // Port 1 on the loopback refuses connections on any machine, so no server is needed for this test.
  await assert.rejects(openStore('postgres://steward:Tr0ub4dor@127.0.0.1:1/ledger', { hasher: sha256TreeHasher }), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'STORE_UNREACHABLE');
    assert.match(error.message, /127\.0\.0\.1:1\/ledger/);
    assert.ok(!error.message.includes('Tr0ub4dor'), 'no password in the message');
    assert.ok(!String((error as { problem?: { location?: { file?: string } } }).problem?.location?.file).includes('Tr0ub4dor'));
    return true;
  });
});
