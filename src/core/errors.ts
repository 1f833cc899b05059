import { codes, type CodeCategory, type ErrorCode } from './codes/index.ts';
import { formatLocation, type Location } from './location.ts';

/** The data of one problem: a stable code, where it is, what was found and what was expected. */
export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly location?: Location;
  /** What would have been accepted, e.g. `a number`, `one of: 0, 1`. */
  readonly expected?: string;
  /** A suggestion, e.g. `did you mean "score"?`. */
  readonly hint?: string;
}

/**
 * The one exception type for problems a user can fix (bad input, bad usage). It carries a Problem; the CLI's error
 * boundary turns it into a message and exit code 2. Anything else that escapes is a bug and exits 3.
 */
export class StewardError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(describeProblem(problem), options);
    this.name = 'StewardError';
    this.problem = problem;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }

  get category(): CodeCategory {
    return codes[this.problem.code].category;
  }
}

/** Shorthand for throwing a StewardError. */
export function fail(code: ErrorCode, message: string, details: Omit<Problem, 'code' | 'message'> = {}): never {
  throw new StewardError({ code, message, ...details });
}

/** One line: `file:line:col: CODE message (expected …; hint)`. */
export function describeProblem(problem: Problem): string {
  const where = problem.location === undefined ? '' : formatLocation(problem.location);
  const extras: string[] = [];
  if (problem.expected !== undefined) extras.push(`expected ${problem.expected}`);
  if (problem.hint !== undefined) extras.push(problem.hint);
  const tail = extras.length > 0 ? ` (${extras.join('; ')})` : '';
  return `${where === '' ? '' : `${where}: `}${problem.code} ${problem.message}${tail}`;
}

export function isStewardError(error: unknown): error is StewardError {
  return error instanceof StewardError;
}
