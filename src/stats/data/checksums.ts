/**
 * Checksums that tell a real identifier from a number that merely has its shape. A regex alone flags every 16-digit
 * order number as a card; the check digit cuts false positives by a factor of 10 (Luhn) or ~97 (IBAN).
 */

/**
 * Luhn (ISO/IEC 7812-1 annex B): from the rightmost digit, double every second digit, subtract 9 from doubles above 9;
 * the sum must be divisible by 10. `digits` holds only the characters 0-9.
 */
export function luhnValid(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * IBAN check (ISO 13616-1): move the first four characters to the end, replace letters by 10..35, and the number
 * must be 1 modulo 97 (ISO 7064 MOD 97-10). Computed digit by digit so no big integers are needed. `iban` is upper
 * case without spaces.
 */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    const value = c >= 65 ? c - 55 : c - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}
