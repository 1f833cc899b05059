/** Lowercase hex → bytes, for checking the hex proofs the API returns. */
export function fromHexForTest(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
