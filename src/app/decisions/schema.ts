import { z } from 'zod';

/**
 * The records of `POST /v1/decisions` and `POST /v1/labels`, in the API's snake_case. Objects are strict: a
 * misspelt field is rejected rather than silently dropped from what gets hashed into the ledger. These schemas are
 * also the OpenAPI description of the bodies.
 */
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const id = z.string().min(1).max(256);

export const decisionRecordSchema = z
  .strictObject({
    decision_id: id.meta({ description: 'Unique per decision; the idempotency key (a resend with the same id is a duplicate).' }),
    model: z.string().min(1),
    version: z.string().min(1).meta({ description: 'A version recorded in the ledger and deployed at `timestamp`.' }),
    timestamp: z.string().meta({ description: 'When the decision was made, RFC 3339 with a zone.' }),
    features: z.record(z.string(), z.unknown()).optional().meta({ description: 'The model inputs; or send features_digest instead.' }),
    features_digest: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/, 'a digest `sha256:` + 64 lowercase hex digits')
      .optional()
      .meta({ description: 'Digest of the inputs when they must not leave the caller; exactly one of features, features_digest.' }),
    prediction: scalar,
    score: z.number().optional(),
    sensitive: z.record(z.string(), scalar).optional().meta({ description: 'Sensitive attributes for fairness monitoring.' }),
    request_id: z.string().min(1).max(256).optional(),
  })
  .meta({ id: 'Decision' });

export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

export const labelRecordSchema = z
  .strictObject({
    decision_id: id,
    label: scalar.meta({ description: 'The ground truth for the decision; immutable once set.' }),
    timestamp: z.string().optional().meta({ description: 'When the truth became known, RFC 3339; default: when the server received it.' }),
  })
  .meta({ id: 'Label' });

export type LabelRecord = z.infer<typeof labelRecordSchema>;
