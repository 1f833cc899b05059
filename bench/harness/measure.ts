import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs one command as a child process and measures it. Wall time is taken here with the monotonic clock around the
 * child; peak resident memory comes from GNU time (`/usr/bin/time -f %M`, the child's ru_maxrss in KiB), because Node
 * exposes no rusage of its children. The child's own output is captured, not shown, so it cannot disturb the timing.
 */
export interface Measurement {
  readonly label: string;
  readonly command: readonly string[];
  readonly wallSeconds: number;
  /** Peak RSS of the child in MiB. */
  readonly peakRssMiB: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export function requireGnuTime(): void {
  if (!existsSync(GNU_TIME)) {
    throw new Error(`${GNU_TIME} is missing: install Debian's \`time\` package (apt-get install -y time) to measure peak RSS`);
  }
}

export function measure(label: string, command: readonly string[], cwd: string): Measurement {
  const [program, ...args] = command;
  if (program === undefined) throw new Error(`measure(${label}): empty command`);
  const dir = mkdtempSync(join(tmpdir(), 'steward-bench-'));
  const rssFile = join(dir, 'rss');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(GNU_TIME, ['-f', '%M', '-o', rssFile, program, ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.error !== undefined) throw result.error;
    // GNU time writes "Command exited with non-zero status N" before the figure when the child fails.
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    const kib = Number(lines.at(-1));
    return {
      label,
      command,
      wallSeconds,
      peakRssMiB: kib / 1024,
      exitCode: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One line saying why a child failed: the first line that names an error (`…Error: …` or a Steward code such as
 * `INPUT_MISSING_COLUMN`), else the last non-empty line. A stack trace's last line is only a closing brace.
 */
export function failureLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.find((line) => /Error\b|\b[A-Z]+_[A-Z_]+\b/.test(line)) ?? lines.at(-1) ?? '';
}
