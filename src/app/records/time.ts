import { fail } from '../../core/index.ts';

// RFC 3339 §5.6 date-time (the `T` may be lower case or a space, the offset `Z` or ±hh:mm), or a full-date alone.
const dateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses a user-given time (`--at`, `--since`, `--until`). RFC 3339 date-times only — a time without an offset is
 * ambiguous across machines, so it is refused; a bare date means 00:00:00Z of that day. Field ranges are checked
 * (2026-02-30 is refused, not rolled over into March).
 */
export function parseTime(text: string, flag: string): Date {
  const match = dateTime.exec(text.trim());
  const refuse = (): never =>
    fail('RECORD_INVALID_TIME', `${flag} ${JSON.stringify(text)} is not an RFC 3339 time`, {
      expected: 'a date-time with an offset (2026-11-26T14:00:00Z, 2026-11-26T15:00:00+01:00) or a date (2026-11-26)',
    });
  if (match === null) return refuse();
  const [, y, mo, d, h = '00', mi = '00', s = '00', , offset = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return refuse();
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return refuse();
  if (offset !== 'Z' && offset !== 'z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return refuse();
  const time = new Date(text.trim().replace(' ', 'T').replace(/t/, 'T').replace(/z$/, 'Z'));
  return Number.isNaN(time.getTime()) ? refuse() : time;
}

/** The form every event's `recordedAt` takes: RFC 3339 in UTC with milliseconds, so strings sort as times. */
export function formatTime(time: Date): string {
  return time.toISOString();
}
