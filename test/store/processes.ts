import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const writerScript = fileURLToPath(new URL('./fixtures/append-writer.ts', import.meta.url));

export interface Writer {
  readonly child: ChildProcess;
  /** Indices acknowledged so far, from the `ack` lines. */
  readonly acked: number[];
  /** Resolves with the exit code (or signal) once the process has ended and its output is read. */
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves once at least `count` indices are acknowledged (rejects if the process ends first). */
  whenAcked(count: number): Promise<void>;
  /** Asks an open-ended writer to finish its appends in flight and exit. */
  stop(): void;
}

/** Starts fixtures/append-writer.ts in a separate Node process. */
export function startWriter(url: string, writer: string, total: number, perCall: number, inFlight: number, startAt = 0): Writer {
  const child = spawn(process.execPath, [writerScript, url, writer, String(total), String(perCall), String(inFlight), String(startAt)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const acked: number[] = [];
  const waiters: { count: number; resolve(): void; reject(error: Error): void }[] = [];
  let stderr = '';
  let partial = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const [tag, , first, count] = line.split(' ');
      if (tag !== 'ack') continue;
      for (let k = 0; k < Number(count); k++) acked.push(Number(first) + k);
    }
    for (const waiter of waiters.filter((w) => acked.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => {
      for (const waiter of waiters) waiter.reject(new Error(`writer ${writer} ended (${code ?? signal}) before ${waiter.count} acks: ${stderr}`));
      resolve({ code, signal, stderr });
    });
  });
  return {
    child,
    acked,
    done,
    whenAcked: (count) =>
      acked.length >= count ? Promise.resolve() : new Promise((resolve, reject) => waiters.push({ count, resolve, reject })),
    stop: () => {
      if (child.stdin?.writable === true) child.stdin.end('stop\n');
    },
  };
}
