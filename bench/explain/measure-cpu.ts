import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs one command as a child process under GNU time and returns its wall time, its CPU time (user + system, every
 * thread) and its peak RSS. On a machine shared with other work the wall time of a step grows with the load, while
 * its CPU time mostly does not, so the explainability benchmark states its overheads on both.
 */
export interface CpuMeasurement {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function measureCpu(command: readonly string[], cwd: string): CpuMeasurement {
  const [program, ...args] = command;
  if (program === undefined) throw new Error('measureCpu: empty command');
  const dir = mkdtempSync(join(tmpdir(), 'steward-bench-'));
  const file = join(dir, 'time');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', file, program, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.error !== undefined) throw result.error;
    // GNU time writes "Command exited with non-zero status N" before the figures when the child fails.
    const [user = Number.NaN, system = Number.NaN, kib = Number.NaN] = (readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    return { wallSeconds, cpuSeconds: user + system, peakRssMiB: kib / 1024, exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
