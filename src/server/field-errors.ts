import { parseTime } from '../app/index.ts';
import { isStewardError, StewardError, type Problem } from '../core/index.ts';

/**
 * A coded error about one request field. The field goes into the error body's `field` only: the problem itself (its
 * message and location) stays as the app raised it, so a CLI forwarding to the server prints what a local run prints.
 */
export class FieldError extends StewardError {
  readonly field: string;
  constructor(problem: Problem, field: string, cause: unknown) {
    super(problem, { cause });
    this.field = field;
  }
}

/**
 * Runs app code on one request field and makes its coded error name that field: the app's messages speak of CLI
 * flags and arguments, but an API caller needs the JSON path (`datasets`, `ref`) to find the problem.
 */
export async function naming<T>(field: string | ((problem: Problem) => string), work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isStewardError(error) && !(error instanceof FieldError) && error.problem.location === undefined) {
      throw new FieldError(error.problem, typeof field === 'string' ? field : field(error.problem), error);
    }
    throw error;
  }
}

/** An optional RFC 3339 request field (`at`), as `--at` reads it; RECORD_INVALID_TIME names the field. */
export async function timeField(field: string, text: string | undefined, otherwise: () => Date): Promise<Date> {
  return text === undefined ? otherwise() : naming(field, () => parseTime(text, field));
}
