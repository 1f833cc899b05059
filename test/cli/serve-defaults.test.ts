import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_MAX_UPLOAD_MIB } from '../../src/cli/commands/serve.ts';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../../src/server/index.ts';

test('serve --help states the server\'s real upload limit without loading the server', () => {
  assert.equal(DEFAULT_MAX_UPLOAD_MIB * 1024 * 1024, DEFAULT_MAX_UPLOAD_BYTES);
});
