import { InvalidArgumentError, Option } from 'commander';

/** Commander value parsers that reject malformed values with a message naming what was expected. */
export function parseNumberOption(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new InvalidArgumentError(`expected a number, got "${value}"`);
  return number;
}

export function parseIntegerOption(value: string): number {
  const number = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) {
    throw new InvalidArgumentError(`expected an integer, got "${value}"`);
  }
  return number;
}

export function parseListOption(value: string): string[] {
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw new InvalidArgumentError(`expected a comma-separated list, got "${value}"`);
  return items;
}

export function parseTimeOption(value: string): Date {
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time.getTime())) {
    throw new InvalidArgumentError(`expected an ISO 8601 date or date-time (2026-11-26 or 2026-11-26T14:00:00Z), got "${value}"`);
  }
  return time;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The repeatable `--format FORMAT[=PATH]` option of the commands that render verdicts. */
export function formatOption(formats: readonly string[]): Option {
  return new Option(
    '-f, --format <format[=path]>',
    `report format, repeatable; without =path it goes to standard output. Formats: ${formats.join(', ')}`,
  )
    .argParser(collect)
    .default([], 'text on standard output');
}
