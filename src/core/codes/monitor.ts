import type { CodeSpec } from './types.ts';

/** Codes of continuous monitoring: monitor documents, reference profiles, notifications and retraining triggers. */
export const monitorCodes = {
  MONITOR_INVALID_FIELD: { category: 'input', summary: 'A monitor document field is missing, unknown, or of the wrong type; the error gives line, column and what was expected.' },
  MONITOR_UNKNOWN_COLUMN: { category: 'input', summary: 'A monitor rule names a column the monitor does not watch; the error suggests the closest name.' },
  MONITOR_INVALID_REFERENCE: { category: 'input', summary: 'A reference profile file is not a Steward reference profile (wrong schema, version or shape); rebuild it with `steward monitor baseline`.' },
  MONITOR_REFERENCE_MISMATCH: { category: 'input', summary: 'The reference profile was built for another monitor, or lacks a column the monitor watches; rebuild it with `steward monitor baseline`.' },
  MONITOR_MISSING_SECRET: { category: 'usage', summary: 'A notification target or retraining trigger names an environment variable (secret, token, routing key) that is not set.' },
  MONITOR_WINDOW_OPEN: { category: 'usage', summary: 'The window asked for has not closed yet (its end has not passed, or a count window does not hold its number of decisions), so it cannot be judged.' },
} as const satisfies Record<string, CodeSpec>;
