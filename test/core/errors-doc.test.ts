import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderErrorsDoc } from '../../src/core/codes/doc.ts';
import { codes } from '../../src/core/index.ts';

test('docs/errors.md lists exactly the codes in src/core/codes (run scripts/write-docs.ts after adding one)', () => {
  const committed = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  assert.equal(committed, renderErrorsDoc());
  for (const code of Object.keys(codes)) assert.ok(committed.includes(`\`${code}\``), code);
});
