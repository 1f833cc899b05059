import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { initLedger, openLedger, verifyBundle } from '../../src/app/index.ts';
import { sqliteHarness } from '../store/sqlite-harness.ts';
import { sampleEvent, sampleEvents } from './events.ts';

const harness = sqliteHarness();
after(() => harness.cleanup());

test('a history rewritten with every hash recomputed is caught through the last checkpoint shown', async () => {
  const original = await harness.freshUrl();
  await initLedger({ store: original });
  const ledger = await openLedger({ store: original });
  const events = sampleEvents(20);
  try {
    await ledger.append(events);
    await ledger.checkpoint(); // shown to the user
  } finally {
    await ledger.close();
  }
  // The attacker builds a fresh store with event 7 changed (all leaf and node hashes correct for the new content),
  // then carries over the key, the signed checkpoints and the last-shown mark from the original store.
  const forged = await harness.freshUrl();
  const rewritten = await openLedger({ store: forged });
  try {
    await rewritten.append(events.map((event, k) => (k === 7 ? sampleEvent(107) : event)));
  } finally {
    await rewritten.close();
  }
  const key = (await harness.sql(original, 'SELECT * FROM keys'))[0] as Record<string, unknown>;
  const checkpoint = (await harness.sql(original, 'SELECT * FROM ledger_checkpoints'))[0] as Record<string, unknown>;
  await harness.sql(forged, 'INSERT INTO keys VALUES (?, ?, ?, ?)', [key.name, key.public_key, key.private_key, key.created_at]);
  await harness.sql(forged, 'INSERT INTO ledger_checkpoints VALUES (?, ?, ?, ?)', [checkpoint.size, checkpoint.root, checkpoint.text, checkpoint.created_at]);
  await harness.sql(forged, 'UPDATE ledger_state SET last_shown_checkpoint_size = ?', [checkpoint.size]);
  const reopened = await openLedger({ store: forged });
  try {
    const report = await reopened.verify();
    assert.equal(report.ok, false);
    if (report.ok) return;
    assert.equal(report.finding.code, 'LEDGER_ROOT_MISMATCH');
    assert.equal(report.finding.size, 20);
  } finally {
    await reopened.close();
  }
});

test('a bundle with a changed event, a missing line, an extra line or a broken header is a finding, never a crash', async () => {
  const store = await harness.freshUrl();
  await initLedger({ store });
  const folder = mkdtempSync(join(tmpdir(), 'steward-bundle-'));
  const ledger = await openLedger({ store, cwd: folder });
  try {
    await ledger.append(sampleEvents(6));
    await ledger.checkpoint();
    await ledger.append(sampleEvents(6, 6));
    await ledger.exportBundle('good.jsonl');
  } finally {
    await ledger.close();
  }
  const lines = readFileSync(join(folder, 'good.jsonl'), 'utf8').split('\n');
  assert.doesNotMatch(lines.join('\n'), /PRIVATE KEY/);
  const cases: { name: string; text: string; code: string; index?: number; line?: number }[] = [
    { name: 'changed event 8', text: lines.map((l, k) => (k === 9 ? l.replace('"v":1', '"v":3') : l)).join('\n'), code: 'LEDGER_ROOT_MISMATCH', index: 6 },
    { name: 'missing last line', text: [...lines.slice(0, 12), ''].join('\n'), code: 'LEDGER_LOG_TRUNCATED', index: 11 },
    { name: 'extra line', text: [...lines.slice(0, 13), '{"x":1}', ''].join('\n'), code: 'LEDGER_MALFORMED_BUNDLE', line: 14 },
    { name: 'header not JSON', text: ['{nope', ...lines.slice(1)].join('\n'), code: 'LEDGER_MALFORMED_BUNDLE', line: 1 },
    { name: 'forged signature', text: [lines[0]?.replace(/[A-Za-z0-9]{6}=\\n/, 'AAAAAA=\\n') ?? '', ...lines.slice(1)].join('\n'), code: 'LEDGER_BAD_SIGNATURE' },
    { name: 'empty file', text: '', code: 'LEDGER_MALFORMED_BUNDLE', line: 1 },
  ];
  for (const item of cases) {
    const path = join(folder, 'bad.jsonl');
    writeFileSync(path, item.text);
    const report = await verifyBundle(path, folder);
    assert.equal(report.ok, false, item.name);
    if (report.ok) continue;
    assert.equal(report.finding.code, item.code, `${item.name}: ${report.finding.reason}`);
    if (item.index !== undefined) assert.equal(report.finding.index, item.index, item.name);
    if (item.line !== undefined) assert.equal(report.finding.line, item.line, item.name);
  }
  await assert.rejects(verifyBundle('nowhere.jsonl', folder), { code: 'INPUT_FILE_NOT_FOUND' });
});
