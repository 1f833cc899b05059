import { generalCodes } from './general.ts';
import { inputCodes } from './input.ts';
import { policyCodes } from './policy.ts';
import { ledgerCodes } from './ledger.ts';
import { statsCodes } from './stats.ts';
import { storeCodes } from './store.ts';
import { recordCodes } from './records.ts';
import { serverCodes } from './server.ts';
import { explainCodes } from './explain.ts';
import { ingestCodes } from './ingest.ts';
import { monitorCodes } from './monitor.ts';
import type { CodeSpec } from './types.ts';

export type { CodeCategory, CodeSpec } from './types.ts';

/**
 * Every error code Steward can emit. Codes are stable: tools match on them, so a code is never renamed or reused.
 * docs/errors.md lists them; a test keeps the two in sync.
 */
export const codes = {
  ...generalCodes,
  ...inputCodes,
  ...policyCodes,
  ...ledgerCodes,
  ...statsCodes,
  ...storeCodes,
  ...recordCodes,
  ...serverCodes,
  ...explainCodes,
  ...ingestCodes,
  ...monitorCodes,
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof codes;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(codes, value);
}
