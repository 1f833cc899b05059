import type { CodeSpec } from './types.ts';

/** Codes of explainability evidence: attribution and importance files, and the model endpoint of black-box tests. */
export const explainCodes = {
  EXPLAIN_ROW_MISMATCH: { category: 'input', summary: 'An attributions row does not belong to the evaluation row at the same position (different row id); both files must list the same ids in the same order.' },
  EXPLAIN_ROW_COUNT_MISMATCH: { category: 'input', summary: 'The attributions file has a different number of rows than the evaluation file, so the rows cannot be aligned.' },
  EXPLAIN_NO_FEATURES: { category: 'input', summary: 'An attributions or importance file has no feature column (only the row id), or a requested feature list is empty.' },
  EXPLAIN_DUPLICATE_FEATURE: { category: 'input', summary: 'A global importance file lists the same feature twice, or has a feature with a missing name or a non-finite importance.' },
  EXPLAIN_INVALID_OPTION: { category: 'usage', summary: 'An explainability setting (endpoint URL, batch size, concurrency, timeout, retries, sample size, k, threshold) is outside its allowed range.' },
  EXPLAIN_ENDPOINT_UNREACHABLE: { category: 'input', summary: 'The model endpoint could not be reached or did not answer within the timeout, after every retry; the error names the URL and the batch.' },
  EXPLAIN_ENDPOINT_HTTP_ERROR: { category: 'input', summary: 'The model endpoint answered with an HTTP error status (4xx at once, 5xx after every retry); the error names the URL, the batch and the status.' },
  EXPLAIN_ENDPOINT_BAD_RESPONSE: { category: 'input', summary: 'The model endpoint answered with something that is not the expected JSON (malformed JSON, wrong number of predictions, a non-numeric prediction).' },
} as const satisfies Record<string, CodeSpec>;
