import type { z } from 'zod';
import { leafJson } from '../ledger/leaf-json.ts';
import { isUnreadable } from './body.ts';
import { decisionJson } from './decision-json.ts';
import { decisionRecordSchema, labelRecordSchema } from './schema.ts';
import { utcTimestamp } from './timestamp.ts';
import type { CheckedDecision, CheckedLabel, Rejection } from './types.ts';

/** The records that passed and the ones rejected (index, field, code, message), each judged alone. */
export interface Checked<T> {
  readonly valid: T[];
  readonly rejected: Rejection[];
}

/**
 * Validates decision records one by one: shape (zod), exactly one of features / features_digest, a real RFC 3339
 * timestamp. A valid record's canonical JSON (RFC 8785, timestamp normalised to UTC milliseconds) is what the
 * ledger's in-batch tree hashes and the store keeps, so a later reader can recompute the proof from the row alone.
 */
export function checkDecisions(records: readonly unknown[]): Checked<CheckedDecision> {
  const valid: CheckedDecision[] = [];
  const rejected: Rejection[] = [];
  records.forEach((raw, index) => {
    const parsed = parseRecord(decisionRecordSchema, raw, index, rejected);
    if (parsed === undefined) return;
    if ((parsed.features === undefined) === (parsed.features_digest === undefined)) {
      rejected.push({ index, field: 'features', code: 'INGEST_INVALID_RECORD', message: 'exactly one of features and features_digest is expected' });
      return;
    }
    const decidedAt = utcTimestamp(parsed.timestamp);
    if (decidedAt === undefined) {
      rejected.push({ index, field: 'timestamp', code: 'INGEST_INVALID_TIMESTAMP', message: `"${parsed.timestamp}" is not an RFC 3339 date-time with a zone, e.g. 2026-11-26T14:00:00Z` });
      return;
    }
    const record = decisionJson(parsed, decidedAt);
    valid.push({ index, id: parsed.decision_id, model: parsed.model, version: parsed.version, decidedAt, record });
  });
  return { valid, rejected };
}

/** Validates label records; a label without a timestamp is dated `receivedAt` (the server's clock, passed in). */
export function checkLabels(records: readonly unknown[], receivedAt: Date): Checked<CheckedLabel> {
  const valid: CheckedLabel[] = [];
  const rejected: Rejection[] = [];
  const received = receivedAt.toISOString();
  records.forEach((raw, index) => {
    const parsed = parseRecord(labelRecordSchema, raw, index, rejected);
    if (parsed === undefined) return;
    const recordedAt = parsed.timestamp === undefined ? received : utcTimestamp(parsed.timestamp);
    if (recordedAt === undefined) {
      rejected.push({ index, field: 'timestamp', code: 'INGEST_INVALID_TIMESTAMP', message: `"${parsed.timestamp ?? ''}" is not an RFC 3339 date-time with a zone` });
      return;
    }
    const record = leafJson({ ...parsed, timestamp: recordedAt });
    valid.push({ index, decisionId: parsed.decision_id, recordedAt, value: leafJson([parsed.label]), record });
  });
  return { valid, rejected };
}

function parseRecord<S extends z.ZodType>(schema: S, raw: unknown, index: number, rejected: Rejection[]): z.infer<S> | undefined {
  if (isUnreadable(raw)) {
    rejected.push({ index, field: '', code: 'INGEST_INVALID_RECORD', message: raw.unreadable });
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
  const field = [...(issue?.path ?? []).map(String), ...keys.slice(0, 1)].join('.');
  rejected.push({ index, field, code: 'INGEST_INVALID_RECORD', message: issue?.message ?? 'invalid record' });
  return undefined;
}
