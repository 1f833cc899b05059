import { sha256Hex } from '../../core/index.ts';

/**
 * A deterministic RFC 9562 UUID for a BOM serial number: version 8 (custom, §5.8) built from the first 128 bits of
 * SHA-256 of the given content, with the version and variant bits set. The same content gives the same serial
 * number; any change to it gives another.
 */
export function contentUuid(content: string): string {
  const hex = sha256Hex(content).slice(0, 32).split('');
  hex[12] = '8'; // version 8
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16); // variant 10xx
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
