import { fail } from '../../core/index.ts';

/** An NDJSON line that is not JSON: it still occupies its index, so the other records keep theirs. */
export interface UnreadableLine {
  readonly unreadable: string;
}

export function isUnreadable(value: unknown): value is UnreadableLine {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'unreadable') && Object.keys(value).length === 1;
}

/**
 * The records of an ingest body: a JSON array, an object holding the array under `key` (`decisions`, `labels`), or
 * NDJSON text (one JSON value per line; blank lines are skipped and take no index). Anything else is refused whole
 * with INGEST_MALFORMED_BODY, since no record index could be named.
 */
export function recordsOf(body: unknown, key: 'decisions' | 'labels'): unknown[] {
  if (typeof body === 'string') return ndjsonRecords(body);
  if (Array.isArray(body)) return body;
  if (typeof body === 'object' && body !== null && Array.isArray((body as Record<string, unknown>)[key])) {
    return (body as Record<string, unknown[]>)[key] as unknown[];
  }
  return fail('INGEST_MALFORMED_BODY', `the body is not a batch of ${key}`, {
    location: { path: 'body' },
    expected: `a JSON array, {"${key}": [...]}, or NDJSON (Content-Type: application/x-ndjson) with one object per line`,
  });
}

function ndjsonRecords(text: string): unknown[] {
  const records: unknown[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    try {
      records.push(JSON.parse(trimmed));
    } catch {
      records.push({ unreadable: `line ${line} is not JSON` } satisfies UnreadableLine);
    }
  }
  return records;
}
