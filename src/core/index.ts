export * from './codes/index.ts';
export * from './location.ts';
export * from './errors.ts';
export * from './canonical-json.ts';
export * from './digest.ts';
export * from './suggest.ts';
export type * from './metrics-types.ts';
export type * from './verdict.ts';
export type * from './evaluation-batch.ts';
