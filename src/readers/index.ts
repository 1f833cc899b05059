export type * from './types.ts';
export { openTable } from './open-table.ts';
export { formatOf } from './format.ts';
export { readRaw, type RawReadResult } from './raw.ts';
export { MISSING_TOKENS } from './columns/missing.ts';
export { evaluationRequests, DEFAULT_THRESHOLD, type EvaluationMapping } from './evaluation/mapping.ts';
export { readEvaluation, type EvaluationExtras, type EvaluationReader } from './evaluation/read.ts';
export { KNOWN_PAIRS, LabelDecoder } from './evaluation/labels.ts';
