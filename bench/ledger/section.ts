import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- ledger:start -->';
const END = '<!-- ledger:end -->';

/** Replaces the ledger section of BENCHMARKS.md (between its own markers), or appends it; other sections are untouched. */
export function writeLedgerSection(file: string, body: string): void {
  const block = `${START}\n${body.trimEnd()}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  if ((from >= 0) !== (to >= 0) || to < from) throw new Error(`${file}: the ledger section markers are unbalanced; fix them by hand`);
  const next = from >= 0 ? current.slice(0, from) + block + current.slice(to + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
