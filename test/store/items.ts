import type { AppendItem } from '../../src/store/index.ts';

const encoder = new TextEncoder();

/** `count` distinct items whose leaf bytes name `tag` and their position, so a test can tell whose leaf is where. */
export function items(tag: string, count: number, subject?: string): AppendItem[] {
  return Array.from({ length: count }, (_, k) => ({
    leaf: encoder.encode(JSON.stringify({ k, tag })),
    kind: 'test.event',
    ...(subject === undefined ? {} : { subject }),
    recordedAt: '2026-03-01T12:00:00Z',
  }));
}

export function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
