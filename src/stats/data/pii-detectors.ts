import { ibanValid, luhnValid } from './checksums.ts';

/**
 * Detectors of personal data in text values. Each tests ONE whole value (trimmed); a value is never stored or
 * reported, only counted. The built-in list (docs/policy.md, "Personal data"):
 * - `email`: local@domain.tld, RFC 5322 dot-atom local part, a domain with at least one dot and a 2+ letter TLD;
 * - `phone`: E.164-ish international numbers, `+` then 8–15 digits (spaces, dots, dashes, one pair of parentheses
 *   allowed between digits); national numbers without `+` are not claimed (too many codes look like them);
 * - `iban`: ISO 13616 IBAN, spaces allowed in groups of four, mod-97 checked;
 * - `credit_card`: 13–19 digits (spaces or dashes between groups), Luhn checked, with a major-network prefix
 *   (Visa 4, Mastercard 51–55/2221–2720, Amex 34/37, Discover 6011/65, JCB 35, Diners 36/38/300–305);
 * - `ipv4`: dotted quad, each part 0–255 without leading zeros; `ipv6`: RFC 4291 text forms incl. `::` compression
 *   and an embedded IPv4 tail;
 * - `us_ssn`: US Social Security number `AAA-GG-SSSS` with dashes, excluding area 000, 666, 900–999, group 00,
 *   serial 0000 (SSA rules);
 * - `uk_nino`: UK National Insurance number, two prefix letters (not D, F, I, Q, U, V; second not O; not the
 *   prefixes BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A–D, spaces allowed between pairs.
 * Policies add their own as named regular expressions (matched against the whole trimmed value).
 */
export interface PiiDetector {
  readonly name: string;
  /** Human description for reports. */
  readonly description: string;
  test(value: string): boolean;
}

const email = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const phoneShape = /^\+\d(?:[ .-]?(?:\(\d{1,4}\)|\d)){7,18}$/;
const cardShape = /^\d(?:[ -]?\d){12,18}$/;
const cardPrefix = /^(?:4|5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720|3[47]|6011|65|35|36|38|30[0-5])/;
const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const hextet = /^[0-9A-Fa-f]{1,4}$/;
const ssn = /^(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/;
const nino = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/;

function isIpv6(value: string): boolean {
  if (!value.includes(':')) return false;
  let text = value;
  let groupsNeeded = 8;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!ipv4.test(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`; // the IPv4 tail stands for two hextets
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const parts = (half: string): string[] => (half === '' ? [] : half.split(':'));
  if (halves.length === 2) {
    const head = parts(halves[0] ?? '');
    const rest = parts(halves[1] ?? '');
    groupsNeeded -= 1; // `::` stands for at least one group
    return head.length + rest.length <= groupsNeeded && [...head, ...rest].every((p) => hextet.test(p));
  }
  const all = parts(text);
  return all.length === 8 && all.every((p) => hextet.test(p));
}

export const builtInDetectors: readonly PiiDetector[] = [
  { name: 'email', description: 'e-mail address', test: (v) => v.length <= 254 && email.test(v) },
  {
    name: 'phone',
    description: 'international phone number (E.164)',
    test: (v) => {
      if (!phoneShape.test(v)) return false;
      const digits = v.replace(/\D/g, '').length;
      return digits >= 8 && digits <= 15;
    },
  },
  {
    name: 'iban',
    description: 'IBAN (mod-97 checked)',
    test: (v) => v.length <= 42 && ibanValid(v.replace(/ /g, '').toUpperCase()) && /^[A-Za-z]{2}/.test(v),
  },
  {
    name: 'credit_card',
    description: 'payment card number (Luhn checked)',
    test: (v) => {
      if (!cardShape.test(v)) return false;
      const digits = v.replace(/[ -]/g, '');
      return cardPrefix.test(digits) && luhnValid(digits);
    },
  },
  { name: 'ipv4', description: 'IPv4 address', test: (v) => ipv4.test(v) },
  { name: 'ipv6', description: 'IPv6 address', test: (v) => v.length <= 45 && isIpv6(v) },
  { name: 'us_ssn', description: 'US Social Security number', test: (v) => ssn.test(v) },
  { name: 'uk_nino', description: 'UK National Insurance number', test: (v) => nino.test(v.toUpperCase()) },
];

export const builtInDetectorNames: readonly string[] = builtInDetectors.map((d) => d.name);

/** A detector from a policy's named pattern; the pattern must match the whole trimmed value. */
export function patternDetector(name: string, pattern: string): PiiDetector {
  const regex = new RegExp(`^(?:${pattern})$`, 'u');
  return { name, description: `policy pattern ${name}`, test: (v) => regex.test(v) };
}

/**
 * Bit mask of the detectors (by position, at most 31) that match `value`. Values are trimmed first; a value longer
 * than 256 characters is free text, not an identifier, and matches nothing (it also bounds regex work).
 */
export function detectMask(value: string, detectors: readonly PiiDetector[]): number {
  const text = value.trim();
  if (text.length === 0 || text.length > 256) return 0;
  let mask = 0;
  detectors.forEach((detector, index) => {
    if (detector.test(text)) mask |= 1 << index;
  });
  return mask;
}
