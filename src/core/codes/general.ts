import type { CodeSpec } from './types.ts';

/** Codes not owned by one stage: usage of the CLI, files in general, broken invariants. */
export const generalCodes = {
  USAGE_INVALID_ARGUMENT: { category: 'usage', summary: 'A command-line flag or argument is missing or has a value of the wrong form.' },
  USAGE_UNKNOWN_FORMAT: { category: 'usage', summary: 'A `--format` value names a report format Steward does not have.' },
  INPUT_FILE_NOT_FOUND: { category: 'input', summary: 'A file named on the command line or in a policy does not exist or cannot be read.' },
  INPUT_FILE_UNREADABLE: { category: 'input', summary: 'A file exists but reading it failed (permissions, a directory where a file was expected).' },
  INPUT_OUTPUT_UNWRITABLE: { category: 'input', summary: 'A report or export could not be written to the path given.' },
  INTERNAL_INVARIANT: { category: 'internal', summary: 'A broken invariant inside Steward: a bug. Please report it with the command that produced it.' },
} as const satisfies Record<string, CodeSpec>;
