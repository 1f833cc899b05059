import { fail } from '../../core/index.ts';
import type { JsonLine } from './lines.ts';

/**
 * Parses one JSONL line into an object. A syntax error is INPUT_INVALID_JSON at the line and the character column
 * V8 reports ("… at position N"; the end of the line for "Unexpected end of JSON input"), else column 1; a value that is not an object
 * (an array, a number) is INPUT_INVALID_JSON too.
 */
export function parseRecord(line: JsonLine, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reported = /position (\d+)/.exec(message)?.[1];
    const position = reported ?? (/end of JSON/.test(message) ? String(line.text.length) : undefined);
    fail('INPUT_INVALID_JSON', `the line is not valid JSON: ${message}`, {
      location: { file, line: line.line, column: position === undefined ? 1 : Number(position) + 1 },
      expected: 'one JSON object per line',
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('INPUT_INVALID_JSON', `the line holds ${Array.isArray(value) ? 'an array' : describe(value)}, not a JSON object`, {
      location: { file, line: line.line, column: 1 },
      expected: 'one JSON object per line',
    });
  }
  return value as Record<string, unknown>;
}

function describe(value: unknown): string {
  return value === null ? 'null' : `a ${typeof value}`;
}
