import type { CodeSpec } from './types.ts';

/** Codes of the readers and column mapping: evaluation, baseline and attribution files. */
export const inputCodes = {
  INPUT_EMPTY_FILE: { category: 'input', summary: 'A data file has no header or no data rows.' },
  INPUT_UNKNOWN_FORMAT: { category: 'input', summary: 'The file format could not be told from the extension; pass `--data-format csv|jsonl|parquet`.' },
  INPUT_INVALID_UTF8: { category: 'input', summary: 'A text file contains bytes that are not valid UTF-8 at the named line and column.' },
  INPUT_UNTERMINATED_QUOTE: { category: 'input', summary: 'A quoted CSV field is not closed before the end of the file.' },
  INPUT_MALFORMED_QUOTE: { category: 'input', summary: 'A CSV field has a quote in a place RFC 4180 does not allow (text after a closing quote).' },
  INPUT_RAGGED_ROW: { category: 'input', summary: 'A CSV row has a different number of fields than the header.' },
  INPUT_DUPLICATE_COLUMN: { category: 'input', summary: 'A header names the same column twice.' },
  INPUT_MISSING_COLUMN: { category: 'input', summary: 'A column named in the policy or flags is not in the file; the error suggests the closest name.' },
  INPUT_NOT_A_NUMBER: { category: 'input', summary: 'A value in a numeric column (score, regression target, weight) is not a finite number.' },
  INPUT_UNKNOWN_LABEL: { category: 'input', summary: 'A y_true or y_pred value is outside the declared classes of the positive-class mapping.' },
  INPUT_INVALID_JSON: { category: 'input', summary: 'A JSONL line is not valid JSON, or not a JSON object.' },
  INPUT_INVALID_PARQUET: { category: 'input', summary: 'A file read as Parquet is not a valid Parquet file (magic bytes, footer or page data).' },
  INPUT_INVALID_VALUE: { category: 'input', summary: 'A value has a type the column cannot hold (an object where a scalar was expected, a negative weight).' },
} as const satisfies Record<string, CodeSpec>;
