import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fail } from '../core/index.ts';

/** One requested report: a format and where it goes (`-` is standard output). */
export interface OutputTarget {
  readonly format: string;
  readonly path: string;
}

/**
 * Parses repeatable `--format FORMAT[=PATH]` values; at most one may go to standard output. When none does, the
 * `fallback` format goes there too (unless `quiet`), so a CI log shows the verdict even when reports go to files.
 */
export function parseOutputTargets(
  values: readonly string[],
  known: readonly string[],
  fallback: string,
  quiet = false,
): OutputTarget[] {
  const targets = values.map((value) => {
    const [format = '', ...rest] = value.split('=');
    const path = rest.length === 0 ? '-' : rest.join('=');
    if (!known.includes(format)) {
      fail('USAGE_UNKNOWN_FORMAT', `unknown report format "${format}" in --format ${value}`, {
        expected: `one of: ${known.join(', ')}`,
      });
    }
    if (path === '') fail('USAGE_INVALID_ARGUMENT', `--format ${value} has an empty path`, { expected: 'FORMAT=PATH' });
    return { format, path };
  });
  const toStdout = targets.filter((target) => target.path === '-').length;
  if (toStdout > 1) {
    fail('USAGE_INVALID_ARGUMENT', 'more than one --format writes to standard output', {
      hint: 'give all but one a path: --format json=report.json',
    });
  }
  return toStdout === 0 && !quiet ? [{ format: fallback, path: '-' }, ...targets] : targets;
}

/**
 * Writes every file or none: each report goes to a temporary sibling first and is renamed into place only when all
 * of them were written, so a failure never leaves a half-written report set behind.
 */
export function writeAllOrNothing(files: readonly { path: string; content: string }[]): void {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      mkdirSync(dirname(file.path), { recursive: true });
      const temp = `${file.path}.tmp-${process.pid}`;
      writeFileSync(temp, file.content);
      staged.push({ temp, path: file.path });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    const path = files[staged.length]?.path ?? '';
    fail('INPUT_OUTPUT_UNWRITABLE', `cannot write ${path}: ${(error as Error).message}`, { location: { file: path } });
  }
  for (const { temp, path } of staged) renameSync(temp, path);
}
