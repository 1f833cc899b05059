import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { StoredToken } from '../../src/store/index.ts';
import { withStore } from './conformance.ts';
import type { StoreHarness } from './harness.ts';

function tokenOf(name: string, extra: Partial<StoredToken> = {}): StoredToken {
  return {
    id: `tok_${name}`,
    name,
    role: 'viewer',
    hash: createHash('sha256').update(`secret-${name}`).digest(),
    createdAt: '2026-03-01T12:00:00.000Z',
    ...extra,
  };
}

/** API tokens: only hashes stored, unique names, revocation that keeps its first time; the same on both stores. */
export function registerTokenConformance(harness: StoreHarness): void {
  test('a saved token is found by its hash with every field, times in UTC; an unknown hash finds nothing', () =>
    withStore(harness, async (store) => {
      const token = tokenOf('ci', { role: 'engineer', expiresAt: '2026-04-01T14:00:00+02:00' });
      await store.tokens.saveToken(token);
      const found = await store.tokens.tokenByHash(token.hash);
      assert.deepEqual(found, { ...token, hash: new Uint8Array(token.hash), expiresAt: '2026-04-01T12:00:00.000Z' });
      assert.equal(await store.tokens.tokenByHash(new Uint8Array(32)), undefined);
    }));

  test('the token table holds the hash, never anything else derived from the secret', () =>
    withStore(harness, async (store, url) => {
      await store.tokens.saveToken(tokenOf('audit'));
      const rows = await harness.sql(url, 'SELECT * FROM api_tokens');
      assert.equal(rows.length, 1);
      assert.deepEqual(Object.keys(rows[0] ?? {}).sort(), ['created_at', 'expires_at', 'id', 'name', 'revoked_at', 'role', 'token_hash']);
      assert.ok(!JSON.stringify(rows).includes('secret-audit'));
    }));

  test('a second token with a stored name or id is refused and the first one kept', () =>
    withStore(harness, async (store) => {
      await store.tokens.saveToken(tokenOf('ci'));
      await assert.rejects(store.tokens.saveToken(tokenOf('ci', { id: 'tok_other', hash: new Uint8Array(32).fill(1) })), { code: 'STORE_TOKEN_EXISTS' });
      await assert.rejects(store.tokens.saveToken(tokenOf('other', { id: 'tok_ci', hash: new Uint8Array(32).fill(2) })), { code: 'STORE_TOKEN_EXISTS' });
      assert.deepEqual((await store.tokens.listTokens()).map((token) => token.name), ['ci']);
    }));

  test('revocation by name or id keeps its first time; an unknown name revokes nothing', () =>
    withStore(harness, async (store) => {
      await store.tokens.saveToken(tokenOf('a'));
      await store.tokens.saveToken(tokenOf('b', { createdAt: '2026-03-02T00:00:00Z' }));
      const first = await store.tokens.revokeToken('a', '2026-03-05T00:00:00Z');
      const again = await store.tokens.revokeToken('tok_a', '2026-03-09T00:00:00Z');
      assert.equal(first?.revokedAt, '2026-03-05T00:00:00.000Z');
      assert.equal(again?.revokedAt, '2026-03-05T00:00:00.000Z');
      assert.equal(await store.tokens.revokeToken('nobody', '2026-03-05T00:00:00Z'), undefined);
      const listed = await store.tokens.listTokens();
      assert.deepEqual(listed.map((token) => [token.name, token.revokedAt]), [['a', '2026-03-05T00:00:00.000Z'], ['b', undefined]]);
    }));

  test('a malformed token is refused before anything is written', () =>
    withStore(harness, async (store) => {
      await assert.rejects(store.tokens.saveToken(tokenOf('x', { hash: new Uint8Array(5) })), { code: 'STORE_INVALID_APPEND' });
      await assert.rejects(store.tokens.saveToken(tokenOf('y', { createdAt: 'yesterday' })), { code: 'STORE_INVALID_APPEND' });
      assert.deepEqual(await store.tokens.listTokens(), []);
    }));

  test('tokens are not reachable once the store is closed', async () => {
    const url = await harness.freshUrl();
    const { openStore } = await import('../../src/store/index.ts');
    const { sha256TreeHasher } = await import('./hasher.ts');
    const store = await openStore(url, { hasher: sha256TreeHasher });
    await store.close();
    assert.throws(() => store.tokens, { code: 'STORE_CLOSED' });
  });
}
