import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SQLITE_PATH, parseStoreUrl, redactUrl } from '../../src/store/store-url.ts';

test('no address or a blank one means the embedded store at .steward/steward.db under the working folder', () => {
  for (const url of [undefined, '', '  ']) {
    assert.deepEqual(parseStoreUrl(url, '/srv/app'), { dialect: 'sqlite', path: join('/srv/app', DEFAULT_SQLITE_PATH), display: DEFAULT_SQLITE_PATH });
  }
});

test('a file path is SQLite, resolved against the working folder but shown as given', () => {
  assert.deepEqual(parseStoreUrl('data/ledger.db', '/srv'), { dialect: 'sqlite', path: join('/srv', 'data/ledger.db'), display: 'data/ledger.db' });
  assert.equal(parseStoreUrl('/abs/x.db', '/srv').dialect, 'sqlite');
});

test('postgres:// and postgresql:// URLs are PostgreSQL, displayed without their password', () => {
  const target = parseStoreUrl('postgresql://app:s3cret@db.internal:5433/steward', '/srv');
  assert.equal(target.dialect, 'postgres');
  assert.equal(target.display, 'postgresql://app:***@db.internal:5433/steward');
  assert.equal(parseStoreUrl('POSTGRES://db/steward', '/srv').dialect, 'postgres');
});

test('another scheme is refused rather than taken for a file name, without echoing its password', () => {
  assert.throws(() => parseStoreUrl('mysql://root:pw123@db/x', '/srv'), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'STORE_UNSUPPORTED_URL');
    assert.ok(!error.message.includes('pw123'));
    return true;
  });
});

test('redaction hides the password and secret-looking query parameters, and keeps the rest', () => {
  assert.equal(redactUrl('postgres://u:p%40ss@h/d?sslmode=require&password=x&sslkey=/k'), 'postgres://u:***@h/d?sslmode=require&password=***&sslkey=***');
  assert.equal(redactUrl('postgres://u@h/d'), 'postgres://u@h/d');
  assert.ok(!redactUrl('postgres://u:se cret@h:bad/d').includes('cret'));
});
