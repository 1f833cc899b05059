/**
 * Frees a typed array's memory now rather than at the next full collection. A buffer that lived long enough to reach
 * V8's old space is only reclaimed by a mark-compact, and dozens of score tables growing or switching to bins at
 * about the same row left that much garbage waiting: the check's peak memory. ArrayBuffer.prototype.transfer(0)
 * (ES2024, every supported Node) detaches the buffer and releases its backing store at once. The array reads as
 * empty afterwards, so only an owner that drops it may call this.
 */
export function release(array: { readonly buffer: ArrayBufferLike }): void {
  const buffer = array.buffer as ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer };
  if (buffer.byteLength > 0 && typeof buffer.transfer === 'function') buffer.transfer(0);
}
