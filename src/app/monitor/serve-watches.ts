import { fail } from '../../core/index.ts';
import { loadMonitor } from '../../policy/monitor/index.ts';
import { checkSecrets, secretLookup } from './process-alerts.ts';
import { watchOf } from './run-stored.ts';
import type { Watch } from './schedule-window.ts';

/**
 * The monitors of `steward serve --monitor`, loaded before the server starts. A monitor without `window:` can only
 * judge a --current file, so the schedule would never judge it: refused as a usage error naming the file, rather
 * than served silently doing nothing. Checked before the reference is read, so the message names the real problem;
 * so are the secrets its targets name (MONITOR_MISSING_SECRET), since serve sends every alert.
 */
export async function loadServedWatches(files: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<Watch[]> {
  const watches: Watch[] = [];
  for (const file of files) {
    const monitor = await loadMonitor(file);
    if (monitor.window === undefined) {
      fail('USAGE_INVALID_ARGUMENT', `monitor "${monitor.name}" given to --monitor has no window:, so serve would never judge it (it can only judge a --current file with steward monitor run)`, {
        location: { file, path: 'window' },
        expected: 'window: 1h (time) or window: { decisions: 1000 } (count) in the monitor',
      });
    }
    // serve notifies: a secret that is not set would fail every tick in the log only, so it is refused up front
    checkSecrets(monitor, secretLookup(env));
    watches.push(await watchOf(monitor, file));
  }
  return watches;
}
