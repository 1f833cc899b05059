import type { CodeSpec } from './types.ts';

/** Codes of lineage records (`steward record …`, `policy publish`, `log`, `lineage`, `state`, `bom`). */
export const recordCodes = {
  RECORD_INVALID_TIME: { category: 'usage', summary: 'A time (`--at`, `--since`, `--until`) is not an RFC 3339 date-time such as 2026-11-26T14:00:00Z (a date alone, 2026-11-26, means its midnight UTC).' },
  RECORD_INVALID_REFERENCE: { category: 'usage', summary: 'A reference is malformed: `<model>@<version>`, `<dataset>[@sha256:…]` or `key=value` was expected.' },
  RECORD_UNKNOWN_DATASET: { category: 'input', summary: 'A run names a dataset (or a dataset digest) that was never recorded: record it first with `steward record dataset`.' },
  RECORD_UNKNOWN_RUN: { category: 'input', summary: 'A version names a training run that was never recorded: record it first with `steward record run`.' },
  RECORD_UNKNOWN_VERSION: { category: 'input', summary: 'A model version was never recorded: record it first with `steward record version <model>@<version> --artifact <path>`.' },
  RECORD_DUPLICATE: { category: 'input', summary: 'A run id or a model version was already recorded; records are immutable, so pick a new id or version.' },
  RECORD_UNKNOWN_VERDICT: { category: 'input', summary: 'An approval names a verdict (`--verdict <index>`) that is not a recorded verdict of the same model version: give the log index of one (`steward log --kind verdict --model <model>`).' },
  RECORD_EMPTY_FIELD: { category: 'usage', summary: 'A required text of a record is empty or only white space: an approval needs a comment (`--comment`) and an approver.' },
} as const satisfies Record<string, CodeSpec>;
