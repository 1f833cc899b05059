import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { basicMonitor, tempDir, writeFile } from '../monitor/helpers.ts';
import { runCli } from './cli.ts';

test('serve --monitor refuses a monitor without window: (exit 2, naming the file) instead of never judging it', async () => {
  const folder = tempDir();
  const store = join(folder, 'steward.db');
  assert.equal((await runCli(['init', '--origin', 'monitor.test/steward', '--store', store])).code, 0);
  // no reference file exists either: the window is the problem reported, as it is the one that matters for serve
  const monitor = writeFile(folder, 'no-window.yaml', basicMonitor('reference: missing.reference.json\n'));
  const served = await runCli(['serve', '--store', store, '--port', '0', '--monitor', monitor]);
  assert.equal(served.code, 2, served.stderr);
  assert.match(served.stderr, /USAGE_INVALID_ARGUMENT/);
  assert.match(served.stderr, /no-window\.yaml/);
  assert.match(served.stderr, /has no window:/);
  assert.doesNotMatch(served.stderr, /serving/, 'the server never started listening');
});

test('serve --monitor refuses a monitor whose webhook secret is not set (exit 2, naming the variable) instead of failing every tick', async () => {
  const folder = tempDir();
  const store = join(folder, 'steward.db');
  assert.equal((await runCli(['init', '--origin', 'monitor.test/steward', '--store', store])).code, 0);
  const monitor = writeFile(folder, 'secret.yaml', basicMonitor('window: 1h\nreference: missing.reference.json\nnotify:\n  - { type: webhook, url: http://127.0.0.1:9/hook, secret_env: STEWARD_TEST_UNSET_SECRET }\n'));
  const served = await runCli(['serve', '--store', store, '--port', '0', '--monitor', monitor], { STEWARD_TEST_UNSET_SECRET: '' });
  assert.equal(served.code, 2, served.stderr);
  assert.match(served.stderr, /MONITOR_MISSING_SECRET/);
  assert.match(served.stderr, /STEWARD_TEST_UNSET_SECRET/);
  assert.doesNotMatch(served.stderr, /serving/);
});
