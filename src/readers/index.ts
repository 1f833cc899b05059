export type * from './types.ts';
export { openTable } from './open-table.ts';
export { formatOf } from './format.ts';
export { readRaw, type RawReadResult } from './raw.ts';
export { MISSING_TOKENS } from './columns/missing.ts';
