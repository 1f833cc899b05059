import { codes, type ErrorCode } from '../core/index.ts';

/** Codes whose HTTP status is not the default of their category. */
const specific: Partial<Record<ErrorCode, number>> = {
  AUTH_MISSING_TOKEN: 401,
  AUTH_INVALID_TOKEN: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_TOKEN_REVOKED: 401,
  AUTH_FORBIDDEN: 403,
  SERVER_ENDPOINT_NOT_ALLOWED: 403,
  SERVER_NOT_FOUND: 404,
  TOKEN_UNKNOWN: 404,
  LEDGER_INDEX_OUT_OF_RANGE: 404,
  RECORD_UNKNOWN_VERSION: 404,
  STORE_TOKEN_EXISTS: 409,
  STORE_KEY_EXISTS: 409,
  STORE_CHECKPOINT_CONFLICT: 409,
  RECORD_DUPLICATE: 409,
  LEDGER_NOT_INITIALIZED: 409,
  SERVER_PAYLOAD_TOO_LARGE: 413,
  STORE_UNREACHABLE: 503,
  INGEST_UNKNOWN_DECISION: 404,
  INGEST_QUEUE_FULL: 429,
  INGEST_SHUTTING_DOWN: 503,
};

/**
 * The HTTP status of a coded problem: a few codes have their own (401, 403, 404, 409, 413, 503); otherwise `usage`
 * (the request was malformed) is 400, `input` (well-formed but its content is wrong) is 422, `internal` is 500.
 */
export function httpStatusOf(code: ErrorCode): number {
  const status = specific[code];
  if (status !== undefined) return status;
  const category = codes[code].category;
  return category === 'usage' ? 400 : category === 'input' ? 422 : 500;
}
