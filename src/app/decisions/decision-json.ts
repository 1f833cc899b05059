import { leafJson } from '../ledger/leaf-json.ts';
import type { DecisionRecord } from './schema.ts';

/**
 * RFC 8785 canonical JSON of a validated decision record with its timestamp normalised, written member by member in
 * the sorted order of the schema's fields (UTF-16 code units: decision_id < features < features_digest < model <
 * prediction < request_id < score < sensitive < timestamp < version). Ingest writes one per decision, and the general
 * writer's walk collecting and sorting every member name was the largest cost of checking a batch. Scalars are
 * what the schema allows (strings, finite numbers, booleans), which JSON.stringify writes as RFC 8785 prescribes;
 * the free-form `features` and `sensitive` objects go through the general writer.
 */
export function decisionJson(record: DecisionRecord, timestamp: string): string {
  let text = `{"decision_id":${JSON.stringify(record.decision_id)}`;
  if (record.features !== undefined) text += `,"features":${leafJson(record.features)}`;
  if (record.features_digest !== undefined) text += `,"features_digest":${JSON.stringify(record.features_digest)}`;
  text += `,"model":${JSON.stringify(record.model)},"prediction":${JSON.stringify(record.prediction)}`;
  if (record.request_id !== undefined) text += `,"request_id":${JSON.stringify(record.request_id)}`;
  if (record.score !== undefined) text += `,"score":${JSON.stringify(record.score)}`;
  if (record.sensitive !== undefined) text += `,"sensitive":${leafJson(record.sensitive)}`;
  return `${text},"timestamp":${JSON.stringify(timestamp)},"version":${JSON.stringify(record.version)}}`;
}
