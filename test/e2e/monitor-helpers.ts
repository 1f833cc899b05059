import { startServe } from './serve-process.ts';

export interface MonitorServer {
  readonly url: string;
  /** Everything the process wrote to standard output (JSON log lines). */
  readonly log: () => string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** `steward serve --monitor …` on an ephemeral port with the given environment; resolves with its URL once it listens. */
export function serveWithMonitors(store: string, monitors: readonly string[], env: NodeJS.ProcessEnv = {}, logLevel = 'warn'): Promise<MonitorServer> {
  return startServe(store, { args: monitors.flatMap((file) => ['--monitor', file]), env, logLevel });
}

/** Polls `probe` every 100 ms until it gives a value; throws after `ms`. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}
