import { digestOf, type Digest, type LedgerEvent } from '../../src/core/index.ts';
import type { RecordedEvent } from '../../src/app/index.ts';

/** Hand-made logs for the pure lineage functions: events numbered in the order given. */
export function log(...events: LedgerEvent[]): RecordedEvent[] {
  return events.map((event, index) => ({ index, event, leafHash: digestOf(String(index)).slice(7) }));
}

export const digest = (text: string): Digest => digestOf(text);
const base = (recordedAt: string) => ({ v: 1 as const, recordedAt });

export const dataset = (name: string, content: string, at: string): LedgerEvent => ({
  ...base(at), type: 'dataset', name, digest: digest(content), source: `s3://bucket/${name}`, bytes: content.length, rows: 10, columns: [{ name: 'x', type: 'integer' }],
});
export const run = (id: string, datasets: { name: string; content: string }[], at: string, commit?: string): LedgerEvent => ({
  ...base(at), type: 'run', id, model: 'm', datasets: datasets.map((d) => ({ name: d.name, digest: digest(d.content) })), ...(commit === undefined ? {} : { code: { repository: 'org/repo', commit } }),
});
export const version = (model: string, v: string, at: string, runId?: string): LedgerEvent => ({
  ...base(at), type: 'version', model, version: v, artifact: { digest: digest(`${model}@${v}`), bytes: 100 }, ...(runId === undefined ? {} : { run: runId }),
});
export const deployment = (model: string, v: string, environment: string, at: string): LedgerEvent => ({
  ...base(at), type: 'deployment', model, version: v, environment,
});
export const policy = (name: string, content: string, at: string): LedgerEvent => ({ ...base(at), type: 'policy', name, digest: digest(content), content });
export const waiver = (rule: string, expires: string, at: string): LedgerEvent => ({
  ...base(at), type: 'waiver', rule, model: 'm', owner: 'ana', approver: 'bo', ticket: `T-${rule}`, justification: 'known gap', expires,
});
export const verdict = (model: string, v: string, at: string, findings: { ruleId: string; metric?: string; group?: string; value?: number | null }[], outcome: 'pass' | 'fail' = 'pass'): LedgerEvent => ({
  ...base(at),
  type: 'verdict',
  model,
  version: v,
  policy: { name: 'p', digest: digest('p') },
  inputs: [{ role: 'evaluation', file: 'eval.csv', digest: digest('eval'), rows: 10 }],
  outcome,
  summary: { pass: findings.length, fail: 0, warn: 0, insufficient_evidence: 0, waived: 0 },
  verdictDigest: digest(`verdict ${at}`),
  findings: findings.map((finding) => ({ status: 'pass' as const, ...finding })),
});
