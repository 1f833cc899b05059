export { Ingest, DEFAULT_INGEST_CAPACITY, DEFAULT_INGEST_GROUP, type IngestOptions } from './ingest.ts';
export { decisionRecordSchema, labelRecordSchema, type DecisionRecord, type LabelRecord } from './schema.ts';
export { batchRoot, batchProof } from './batch-tree.ts';
export type { IngestResult, Rejection } from './types.ts';
export type { DecisionTrace, TracedEvent, TracedRecord } from './trace.ts';
