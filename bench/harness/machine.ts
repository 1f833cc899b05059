import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

/** What the benchmark ran on, for the report: figures only mean something next to the machine that produced them. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly python: string;
}

export function describeMachine(python: string): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: totalmem() / 1024 ** 3,
    os: osName(),
    node: process.version,
    python: pythonVersion(python),
  };
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

function pythonVersion(python: string): string {
  const result = spawnSync(python, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : `${python} not runnable`;
}
