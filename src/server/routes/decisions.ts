import type { FastifyInstance, FastifyReply } from 'fastify';
import { isStewardError } from '../../core/index.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decisionRecordSchema, labelRecordSchema, type Ingest, type IngestResult } from '../../app/decisions/index.ts';
import type { CountIngest } from '../ingest-metrics.ts';
import { errorBody, inputErrors } from '../schemas.ts';
import { decisionTrace } from '../view-schemas.ts';

const ingestResult = z
  .object({
    accepted: z.number().int().meta({ description: 'Records stored by this request: durable and in the ledger.' }),
    duplicates: z.number().int().meta({ description: 'Records whose id was already stored (a retry) or repeated earlier in the batch.' }),
    rejected: z.array(z.object({ index: z.number().int(), field: z.string(), code: z.string(), message: z.string() })),
    ledgerIndex: z.number().int().optional().meta({ description: 'The ledger leaf that holds this batch (its in-batch Merkle root).' }),
  })
  .meta({ id: 'IngestResult' });

const busy = errorBody.meta({ description: 'The ingest queue is full (429) or the server is draining (503); see Retry-After. Nothing of the batch was taken.' });

const batchSemantics =
  'Each record is judged alone: a bad one is listed in `rejected` with its index, field and code, the others are stored. ' +
  'Idempotent by decision id: a record whose id is stored is counted in `duplicates` and not changed. ' +
  'The response comes only after the accepted records are durable and ledgered. Status: 200 nothing rejected, 207 some rejected, 422 all rejected. ' +
  'Body: a JSON array, an object with the array, or NDJSON (Content-Type: application/x-ndjson).';

/** Ingest routes (engineer) and the decision trace (every reader): thin shells over app/decisions. */
export function registerDecisionRoutes(app: FastifyInstance, ingest: Ingest, count: CountIngest = () => undefined): void {
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // Records are validated one by one by the app (the good ones are kept), so the body schema documents, never refuses.
  const documentOnly = () => (data: unknown) => ({ value: data });
  const statusOf = (result: IngestResult): 200 | 207 | 422 => (result.rejected.length === 0 ? 200 : result.accepted + result.duplicates === 0 ? 422 : 207);
  const responses = { 200: ingestResult, 207: ingestResult, 422: ingestResult, 401: errorBody, 403: errorBody, 400: errorBody, 429: busy, 503: busy, 500: errorBody };
  typed.post(
    '/v1/decisions',
    {
      config: { access: 'engineer' },
      validatorCompiler: documentOnly,
      schema: {
        summary: 'Ingest a batch of production decisions',
        description: batchSemantics,
        tags: ['ingest'],
        body: z.union([z.array(decisionRecordSchema), z.object({ decisions: z.array(decisionRecordSchema) })]),
        response: responses,
      },
    },
    async (request, reply) => {
      const result = await withRetryAfter(reply, () => ingest.decisions(request.body));
      count('decisions', result);
      return reply.status(statusOf(result)).send({ ...result, rejected: [...result.rejected] });
    },
  );
  typed.post(
    '/v1/labels',
    {
      config: { access: 'engineer' },
      validatorCompiler: documentOnly,
      schema: {
        summary: 'Ingest ground-truth labels, joined to decisions by id (immutable once set)',
        description: `${batchSemantics} A label for an unknown decision id is rejected (INGEST_UNKNOWN_DECISION); a different label for a decision that has one is rejected (INGEST_LABEL_CONFLICT).`,
        tags: ['ingest'],
        body: z.union([z.array(labelRecordSchema), z.object({ labels: z.array(labelRecordSchema) })]),
        response: responses,
      },
    },
    async (request, reply) => {
      const result = await withRetryAfter(reply, () => ingest.labels(request.body));
      count('labels', result);
      return reply.status(statusOf(result)).send({ ...result, rejected: [...result.rejected] });
    },
  );
  typed.get(
    '/v1/decisions/:id/trace',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Decision → version → deployment → verdicts, each with its ledger inclusion proof',
        tags: ['ingest'],
        params: z.object({ id: z.string().min(1) }),
        response: { 200: decisionTrace, ...inputErrors, 404: errorBody },
      },
    },
    async (request) => (await ingest.trace(request.params.id)) as z.infer<typeof decisionTrace>,
  );
}

/** Seconds a client should wait after back-pressure: the writer empties a full queue in well under a second. */
const RETRY_AFTER_SECONDS = 1;

/** A full queue (429) or a draining server (503) answers with Retry-After, so clients back off instead of losing data. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isStewardError(error) && (error.code === 'INGEST_QUEUE_FULL' || error.code === 'INGEST_SHUTTING_DOWN')) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    throw error;
  }
}
