import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { openLedger, openTokenRegistry } from '../../app/index.ts';
import { loadServedWatches, MonitorSchedule } from '../../app/monitor/index.ts';
import { fail } from '../../core/index.ts';
import { parseIntegerOption } from '../options.ts';
import type { SetExitCode } from '../program.ts';
import { storeOption } from '../store-option.ts';
import type { Terminal } from '../terminal.ts';

/** Mirrors the server's DEFAULT_MAX_UPLOAD_BYTES (checked by a test) so `--help` does not load the server. */
export const DEFAULT_MAX_UPLOAD_MIB = 512;

interface ServeOptions {
  store?: string;
  host: string;
  port: number;
  maxUploadMb?: number;
  logLevel: string;
  monitor: string[];
  allowEndpoint: string[];
}

/**
 * `steward serve`: the HTTP API on one store. The only CLI command that imports src/server (it launches it; see the
 * lint override). On SIGTERM or SIGINT it stops accepting connections, lets in-flight requests finish, closes the
 * store and returns, so main.ts exits 0 with nothing half-written.
 */
export function registerServe(program: Command, terminal: Terminal, setExitCode: SetExitCode): void {
  program
    .command('serve')
    .description('Serve the HTTP API (bearer tokens from `steward token create`); OpenAPI at /openapi.json.')
    .addOption(storeOption())
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <number>', 'port to listen on (0: any free port)', parseIntegerOption, 8080)
    .option('--max-upload-mb <number>', `largest accepted upload per file in MiB (default ${DEFAULT_MAX_UPLOAD_MIB})`, parseIntegerOption)
    .option('--log-level <level>', 'fatal, error, warn, info, debug or trace', 'info')
    .option('--monitor <file>', 'judge this monitor\'s windows of ingested decisions as they close, alert and notify (repeatable; the monitor names its window: and reference:)', (file: string, files: string[]) => [...files, file], [])
    .option('--allow-endpoint <origin>', 'a model endpoint origin (http://model:8080) that checks sent here may call for flip tests (repeatable; default none: the server calls no URL a client names)', (origin: string, origins: string[]) => [...origins, origin], [])
    .addHelpText('after', '\nLogs are JSON lines on standard output; the listening address goes to standard error.\n\nExample:\n  steward serve --store postgres://steward@db/steward --host 0.0.0.0 --port 8080')
    .action(async (options: ServeOptions) => {
      if (options.port < 0 || options.port > 65535) fail('USAGE_INVALID_ARGUMENT', `--port ${options.port} is not a port`, { expected: '0 to 65535' });
      const store = options.store === undefined ? {} : { store: options.store };
      const passphrase = process.env.STEWARD_KEY_PASSPHRASE;
      const watches = await loadServedWatches(options.monitor, process.env);
      const tokens = await openTokenRegistry(store);
      const ledger = await openLedger({ ...store, ...(passphrase === undefined ? {} : { passphrase }) });
      try {
        // Loaded only when serving: the HTTP stack is the heaviest part of the CLI and no other command needs it.
        const { buildServer } = await import('../../server/index.ts');
        const server = await buildServer({
          tokens,
          ledger,
          logLevel: options.logLevel,
          allowedEndpoints: options.allowEndpoint,
          ...(watches.length === 0
            ? {}
            : { background: (log: (message: string, fields: Record<string, unknown>) => void) => new MonitorSchedule(ledger, watches, { owner: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`, env: process.env, log }) }),
          ...(options.maxUploadMb === undefined ? {} : { maxUploadBytes: options.maxUploadMb * 1024 * 1024 }),
        });
        const address = await server.app.listen({ host: options.host, port: options.port });
        terminal.err(`steward: serving ${tokens.location} at ${address}\n`);
        for (const { monitor } of watches) terminal.err(`steward: monitoring ${monitor.name} (${monitor.model}), window ${monitor.window?.kind === 'count' ? `${monitor.window.size} decisions` : (monitor.window?.text ?? '')}\n`);
        const signal = await nextSignal();
        terminal.err(`steward: ${signal}: draining in-flight requests\n`);
        server.startDraining();
        await server.app.close();
      } finally {
        await ledger.close();
        await tokens.close();
      }
      terminal.err('steward: stopped\n');
      setExitCode(0);
    });
}

/** Resolves at the first SIGTERM or SIGINT (a second one is left to Node's default: exit at once). */
function nextSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string): void => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}
