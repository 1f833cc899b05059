import { fail } from '../../core/index.ts';
import { parseTime } from '../records/time.ts';

const DURATION = /^(\d+)([mhdw])$/;
const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * A token's expiry from `--expires`: a duration from `now` (`90m`, `12h`, `30d`, `2w`) or an RFC 3339 time. The
 * result must lie after `now`: a token born expired is a mistake worth reporting.
 */
export function parseExpiry(value: string, now: Date, field = '--expires'): string {
  const match = DURATION.exec(value.trim());
  const at = match === null ? parseTime(value, field) : new Date(now.getTime() + Number(match[1]) * unitMs[match[2] as keyof typeof unitMs]);
  if (!(at.getTime() > now.getTime())) {
    fail('USAGE_INVALID_ARGUMENT', `${field} ${value} is not in the future`, {
      location: { path: field },
      expected: 'a duration such as 30d or 12h, or an RFC 3339 time after now',
    });
  }
  return at.toISOString();
}
