import type { CodeSpec } from './types.ts';

/** Codes of production decision ingest (`POST /v1/decisions`, `POST /v1/labels`) and decision traces. */
export const ingestCodes = {
  INGEST_MALFORMED_BODY: { category: 'usage', summary: 'An ingest body is not a JSON array, an object with a `decisions` (or `labels`) array, or NDJSON with one JSON object per line (an NDJSON line that is not JSON is rejected as a record, at its index).' },
  INGEST_INVALID_RECORD: { category: 'usage', summary: 'One record of an ingest batch is missing a field or has a value of the wrong form; it is rejected with its index and field, the others are not affected.' },
  INGEST_INVALID_TIMESTAMP: { category: 'usage', summary: 'A record\'s `timestamp` is not an RFC 3339 date-time with a zone that exists in the calendar, e.g. 2026-11-26T14:00:00Z.' },
  INGEST_UNKNOWN_VERSION: { category: 'input', summary: 'A decision names a model version that was never recorded in the ledger (`steward record version`).' },
  INGEST_VERSION_NOT_DEPLOYED: { category: 'input', summary: 'A decision names a recorded version that was not deployed to any environment at the decision\'s timestamp (`steward record deployment`).' },
  INGEST_UNKNOWN_DECISION: { category: 'input', summary: 'A label or trace names a decision id that is not stored (never sent, rejected, or not yet acknowledged).' },
  INGEST_LABEL_CONFLICT: { category: 'input', summary: 'A decision already has a different label; labels are immutable once set (the same label again counts as a duplicate).' },
  INGEST_QUEUE_FULL: { category: 'input', summary: 'The server\'s ingest queue is full (back-pressure): nothing of the batch was taken; retry after the `Retry-After` seconds.' },
  INGEST_SHUTTING_DOWN: { category: 'input', summary: 'The server is draining before shutdown and takes no new ingest batch; retry on another replica or after the restart.' },
} as const satisfies Record<string, CodeSpec>;
