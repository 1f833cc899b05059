import { z } from 'zod';
import { fail, type LedgerEvent } from '../../core/index.ts';

/**
 * The runtime shape of every ledger event (src/core/events.ts), checked before anything is appended: a leaf is
 * signed forever, so an event with a misspelt field or a malformed digest must never reach the log. Objects are
 * strict (an unknown field is refused rather than silently hashed into the leaf).
 */
const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a digest `sha256:` + 64 lowercase hex digits');
const count = z.number().int().nonnegative();
const text = z.string().min(1);
const hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash as 64 lowercase hex digits');

const base = {
  v: z.literal(1),
  recordedAt: z.iso.datetime({ offset: true }),
  ci: z
    .strictObject({
      provider: z.enum(['github', 'gitlab']),
      repository: z.string().optional(),
      commit: z.string().optional(),
      ref: z.string().optional(),
      runUrl: z.string().optional(),
      actor: z.string().optional(),
    })
    .optional(),
};

const findingStatus = z.enum(['pass', 'fail', 'warn', 'insufficient_evidence', 'waived']);

export const ledgerEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('dataset'),
    name: text,
    digest,
    source: z.string(),
    bytes: count,
    files: count.optional(),
    rows: count.optional(),
    columns: z.array(z.strictObject({ name: z.string(), type: z.string() })).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('run'),
    id: text,
    model: text.optional(),
    datasets: z.array(z.strictObject({ name: text, digest })),
    code: z.strictObject({ repository: z.string().optional(), commit: z.string().optional() }).optional(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('version'),
    model: text,
    version: text,
    artifact: z.strictObject({ digest, bytes: count, path: z.string().optional() }),
    run: text.optional(),
  }),
  z.strictObject({ ...base, type: z.literal('deployment'), model: text, version: text, environment: text }),
  z.strictObject({ ...base, type: z.literal('policy'), name: text, digest, content: z.string() }),
  z.strictObject({
    ...base,
    type: z.literal('verdict'),
    model: text.optional(),
    version: text.optional(),
    policy: z.strictObject({ name: text, digest }),
    inputs: z.array(
      z.strictObject({
        role: z.string(),
        file: z.string(),
        digest,
        rows: count.optional(),
      }),
    ),
    outcome: z.enum(['pass', 'fail']),
    summary: z.strictObject({ pass: count, fail: count, warn: count, insufficient_evidence: count, waived: count }),
    verdictDigest: digest,
    findings: z.array(
      z.strictObject({
        ruleId: z.string(),
        status: findingStatus,
        metric: z.string().optional(),
        group: z.string().optional(),
        value: z.number().nullable().optional(),
      }),
    ),
  }),
  z.strictObject({
    ...base,
    type: z.literal('approval'),
    model: text,
    version: text,
    decision: z.enum(['approved', 'rejected']),
    approver: text,
    comment: text,
    verdict: count.optional(),
  }),
  z.strictObject({ ...base, type: z.literal('decisions'), count: count.min(1), root: hex, versions: z.array(text).min(1) }),
  z.strictObject({ ...base, type: z.literal('labels'), count: count.min(1), root: hex }),
  z.strictObject({
    ...base,
    type: z.literal('waiver'),
    rule: text,
    model: text,
    owner: text,
    approver: text,
    ticket: text,
    justification: text,
    expires: text,
  }),
  z.strictObject({
    ...base,
    type: z.literal('alert'),
    action: z.enum(['opened', 'resolved']),
    monitor: text,
    rule: text,
    model: text.optional(),
    window: text,
    severity: z.enum(['error', 'warn', 'info']),
    evidence: digest,
    deliveries: z.array(
      z.strictObject({
        target: text,
        url: z.string(),
        ok: z.boolean(),
        attempts: count,
        status: count.optional(),
        error: z.string().optional(),
      }),
    ),
  }),
  z.strictObject({
    ...base,
    type: z.literal('delivery'),
    monitor: text,
    rule: text,
    model: text.optional(),
    alert: count,
    slot: count,
    round: count.min(1),
    outcome: z.enum(['delivered', 'pending', 'failed']),
    delivery: z.strictObject({ target: text, url: z.string(), ok: z.boolean(), attempts: count, status: count.optional(), error: z.string().optional() }),
  }),
  z.strictObject({ ...base, type: z.literal('reference'), monitor: text, model: text, version: text, profile: digest, data: digest, rows: count }),
]);

/**
 * Throws LEDGER_INVALID_EVENT naming the first bad field (`events[2].artifact.digest`) and what was expected, so a
 * batch with one bad event appends nothing.
 */
export function validateEvents(events: readonly LedgerEvent[]): void {
  if (!Array.isArray(events)) fail('LEDGER_INVALID_EVENT', 'the events to append are not an array', { location: { path: 'events' } });
  events.forEach((event, k) => {
    const result = ledgerEventSchema.safeParse(event);
    if (result.success) return;
    const issue = result.error.issues[0];
    const path = ['events', String(k), ...(issue?.path ?? []).map(String)];
    const where = path.map((part, i) => (i === 0 ? part : /^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('');
    fail('LEDGER_INVALID_EVENT', `event ${k} is not a valid ledger event: ${issue?.message ?? 'invalid'}`, {
      location: { path: where },
      expected: 'an event as defined in src/core/events.ts (docs/ledger.md, Events)',
    });
  });
}
