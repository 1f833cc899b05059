/**
 * The spellings of "no value" in text data, shared by every reader so a file means the same thing whatever its
 * format: the empty field, and the tokens pandas, R and SQL exports write for a missing value. They apply to number
 * and category columns alike (a category literally named "NA" cannot be expressed; that trade-off is deliberate:
 * a y_true of "NA" must never be read as a class).
 */
export const MISSING_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL'];

const missingSet = new Set(MISSING_TOKENS);

export function isMissingToken(text: string): boolean {
  return missingSet.has(text);
}
