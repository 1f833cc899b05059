import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './cli.ts';

/** A `steward serve` child process that has started listening. */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** The exit code once the process has closed (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** Everything the process wrote to standard output so far (JSON log lines). */
  log(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export interface ServeOptions {
  /** Extra `serve` arguments (`--monitor …`, `--allow-endpoint …`). */
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly logLevel?: string;
  /** SIGKILL after this long whatever happens, so a hung test cannot leave a server behind. */
  readonly killAfterMs?: number;
}

/** `steward serve --store <store>` on an ephemeral loopback port; resolves once it prints the URL it listens at. */
export function startServe(store: string, options: ServeOptions = {}): Promise<ServeProcess> {
  const args = ['src/cli/main.ts', 'serve', '--store', store, '--port', '0', '--log-level', options.logLevel ?? 'warn', ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const guard = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => {
      clearTimeout(guard);
      resolve(code);
    }),
  );
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match !== null) {
        resolve({ child, url: match[1] as string, exited, log: () => stdout, stop: () => (child.kill('SIGTERM'), exited) });
      }
    });
    void exited.then((code) => reject(new Error(`serve exited ${String(code)} before listening: ${stderr}`)));
  });
}
