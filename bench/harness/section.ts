import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * BENCHMARKS.md is shared by several benchmarks, each owning one section between HTML comment markers. Rewriting a
 * section replaces only the text between its own markers (or appends the section when it is new), so the other
 * sections survive every run.
 */
export function writeSection(file: string, name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${body.trimEnd()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  let next: string;
  if (from >= 0 && to > from) {
    next = current.slice(0, from) + block + current.slice(to + end.length);
  } else if (from >= 0 || to >= 0) {
    throw new Error(`${file}: the markers of section "${name}" are unbalanced; fix them by hand before rerunning`);
  } else {
    next = `${current.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, next);
}
