import { fail } from '../core/errors.ts';
import type { LeafRows } from './decisions.ts';
import type { AppendItem, TreeHasher } from './types.ts';

/**
 * An append item checked and normalised for the database: recorded time in UTC, absent subject as null, and its
 * leaf hash, computed when the item is queued — a pure function of the leaf, so it needs no lock, and on PostgreSQL
 * it is computed while the previous batch's statements are still in flight.
 */
export interface RowItem {
  readonly leaf: Uint8Array;
  readonly leafHash: Uint8Array;
  readonly kind: string;
  readonly subject: string | null;
  readonly recordedAt: string;
  /** Set when at most one leaf may have this kind and subject (AppendItem.unique); then subject is a string. */
  readonly unique: boolean;
  /** The table rows this leaf ledgers, inserted in its append transaction (AppendItem.rows). */
  readonly rows?: LeafRows;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Checks every item before anything is queued, so one caller's bad item never fails the other callers of the same
 * group-commit batch. The error names the item and field (`items[3].recordedAt`) and what was expected.
 */
export function toRowItems(items: readonly AppendItem[], hasher: TreeHasher): RowItem[] {
  if (!Array.isArray(items)) invalid('items', 'an array of append items');
  // Events of one batch usually share their recorded time: parse each distinct string once.
  let lastGiven: unknown;
  let lastUtc = '';
  return items.map((item, k) => {
    if (typeof item !== 'object' || item === null) invalid(`items[${k}]`, 'an object with leaf, kind and recordedAt');
    if (!(item.leaf instanceof Uint8Array)) invalid(`items[${k}].leaf`, 'a Uint8Array of the canonical event bytes');
    if (typeof item.kind !== 'string' || item.kind === '') invalid(`items[${k}].kind`, 'a non-empty string');
    if (item.subject !== undefined && typeof item.subject !== 'string') invalid(`items[${k}].subject`, 'a string or absent');
    if (item.unique !== undefined && typeof item.unique !== 'boolean') invalid(`items[${k}].unique`, 'true, false or absent');
    if (item.unique === true && item.subject === undefined) invalid(`items[${k}].subject`, 'a subject on an item marked unique');
    if (item.rows !== undefined && !isLeafRows(item.rows)) invalid(`items[${k}].rows`, '{ table: "decisions" | "labels", rows: [...] } or absent');
    if (item.recordedAt !== lastGiven) {
      lastUtc = utcInstant(item.recordedAt, `items[${k}].recordedAt`);
      lastGiven = item.recordedAt;
    }
    const row = { leaf: item.leaf, leafHash: hasher.leafHash(item.leaf), kind: item.kind, subject: item.subject ?? null, recordedAt: lastUtc, unique: item.unique === true };
    return item.rows === undefined ? row : { ...row, rows: item.rows };
  });
}

function isLeafRows(value: unknown): value is LeafRows {
  if (typeof value !== 'object' || value === null) return false;
  const { table, rows } = value as { table?: unknown; rows?: unknown };
  return (table === 'decisions' || table === 'labels') && Array.isArray(rows);
}

/** RFC 3339 date-time with a zone → `YYYY-MM-DDTHH:mm:ss.sssZ` (digits after milliseconds are dropped). */
export function utcInstant(value: unknown, path: string): string {
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (match === null) invalid(path, 'an RFC 3339 date-time with a zone, e.g. 2026-03-01T12:00:00Z');
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0); // day 0 of the next month (setUTCFullYear keeps years < 100 as given)
  const daysInMonth = lastDay.getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    invalid(path, 'a date-time that exists in the calendar (month 1–12, a valid day, hour ≤ 23, second ≤ 59)');
  }
  return new Date(match[0]).toISOString();
}

function invalid(path: string, expected: string): never {
  fail('STORE_INVALID_APPEND', `append item field ${path} is missing or malformed`, { location: { path }, expected });
}
