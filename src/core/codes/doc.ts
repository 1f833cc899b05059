import { codes } from './index.ts';

const exitOf = { usage: 2, input: 2, internal: 3 } as const;

/**
 * The text of docs/errors.md, generated from the code table so the two cannot drift apart (a test compares them;
 * `node scripts/write-docs.ts` rewrites the file).
 */
export function renderErrorsDoc(): string {
  const rows = Object.entries(codes)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, spec]) => `| \`${code}\` | ${spec.category} | ${exitOf[spec.category]} | ${spec.summary} |`);
  return [
    '# Error codes',
    '',
    'Every problem Steward reports carries one of these stable codes, with the file, line and column (or the field)',
    'where it was found and what was expected. Codes are never renamed or reused, so scripts can match on them.',
    '',
    'Exit codes: `0` the check passed (warnings allowed), `1` a rule of severity `error` failed, `2` a usage or',
    'input error (the codes below with category usage or input), `3` an internal error (a bug: please report it).',
    '',
    '<!-- Generated from src/core/codes by `node scripts/write-docs.ts`; do not edit by hand. -->',
    '',
    '| code | category | exit | meaning |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
