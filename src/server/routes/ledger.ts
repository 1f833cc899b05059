import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { exportBom, readLineage, readLog, readState, type Ledger, type LogFilter } from '../../app/index.ts';
import { naming, timeField } from '../field-errors.ts';
import { inputErrors } from '../schemas.ts';
import { bom, checkpoint, consistencyProof, inclusionProof, lineage, recordedEvent, state, verifyReport } from '../view-schemas.ts';

/** The views answer the app's readonly types; the schemas describe the same JSON with mutable arrays. */
type Json<S extends z.ZodType> = z.infer<S>;
const eventKinds = ['dataset', 'run', 'version', 'deployment', 'policy', 'verdict', 'approval', 'waiver', 'decisions', 'labels', 'alert', 'delivery', 'reference'] as const;
const hexIndex = z.string().regex(/^(\d+|[0-9a-f]{64})$/).meta({ description: 'A leaf index, or a leaf hash as 64 lowercase hex digits.' });
const size = z.coerce.number().int().min(0);

/**
 * The ledger's read side (viewer and up) and its proofs (auditor, admin), each mapping to the same app function as
 * `steward log|lineage|state|checkpoint|verify|proof|export`.
 */
export function registerLedgerRoutes(app: FastifyInstance, ledger: Ledger, tempRoot = tmpdir()): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/v1/log',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Ledger events, filtered (steward log)',
        tags: ['ledger'],
        querystring: z.object({ kind: z.enum(eventKinds).optional(), model: z.string().optional(), since: z.string().optional(), until: z.string().optional() }),
        response: { 200: z.strictObject({ events: z.array(recordedEvent) }).meta({ id: 'LogResponse' }), ...inputErrors },
      },
    },
    async (request) => {
      const { kind, model, since, until } = request.query;
      const never = (): Date => new Date(Number.NaN);
      const filter: LogFilter = {
        ...(kind === undefined ? {} : { kind }),
        ...(model === undefined ? {} : { model }),
        ...(since === undefined ? {} : { since: await timeField('since', since, never) }),
        ...(until === undefined ? {} : { until: await timeField('until', until, never) }),
      };
      return { events: (await readLog(ledger, filter)) as Json<typeof recordedEvent>[] };
    },
  );
  typed.get(
    '/v1/lineage/:ref',
    { config: { access: 'read' }, schema: { summary: 'Lineage of model@version (steward lineage)', tags: ['ledger'], params: z.object({ ref: z.string() }), response: { 200: lineage, ...inputErrors, 404: inputErrors[400] } } },
    async (request) => (await naming('ref', () => readLineage(ledger, request.params.ref))) as Json<typeof lineage>,
  );
  typed.get(
    '/v1/state',
    { config: { access: 'read' }, schema: { summary: 'What was live at a time (steward state)', tags: ['ledger'], querystring: z.object({ at: z.string().optional() }), response: { 200: state, ...inputErrors } } },
    async (request) => (await readState(ledger, await timeField('at', request.query.at, () => new Date()))) as Json<typeof state>,
  );
  typed.get(
    '/v1/checkpoint',
    { config: { access: 'audit' }, schema: { summary: 'Signed checkpoint of the current log (steward checkpoint)', tags: ['proofs'], response: { 200: checkpoint, ...inputErrors, 409: inputErrors[400] } } },
    async () => {
      const checkpoint = await ledger.checkpoint();
      const identity = await ledger.identity();
      return { ...checkpoint, ...(identity === undefined ? {} : { verifierKey: identity.verifierKey }) };
    },
  );
  typed.get(
    '/v1/verify',
    { config: { access: 'audit' }, schema: { summary: 'Recompute and verify the whole log (steward verify)', tags: ['proofs'], response: { 200: verifyReport, ...inputErrors } } },
    async () => (await ledger.verify()) as Json<typeof verifyReport>,
  );
  typed.get(
    '/v1/proofs/inclusion/:id',
    { config: { access: 'audit' }, schema: { summary: 'RFC 9162 inclusion proof of one event', tags: ['proofs'], params: z.object({ id: hexIndex }), response: { 200: inclusionProof, ...inputErrors, 404: inputErrors[400] } } },
    async (request) => {
      const id = request.params.id;
      return (await ledger.inclusionProof(/^\d+$/.test(id) ? Number(id) : id)) as Json<typeof inclusionProof>;
    },
  );
  typed.get(
    '/v1/proofs/consistency',
    { config: { access: 'audit' }, schema: { summary: 'RFC 9162 consistency proof between two sizes', tags: ['proofs'], querystring: z.object({ first: size, second: size.optional() }), response: { 200: consistencyProof, ...inputErrors, 404: inputErrors[400] } } },
    async (request) => (await ledger.consistencyProof(request.query.first, request.query.second)) as Json<typeof consistencyProof>,
  );
  typed.get(
    '/v1/bom/:ref',
    { config: { access: 'read' }, schema: { summary: 'CycloneDX 1.6 ML-BOM of model@version (steward bom)', tags: ['ledger'], params: z.object({ ref: z.string() }), response: { 200: bom, ...inputErrors, 404: inputErrors[400] } } },
    async (request) => (await naming('ref', () => exportBom(ledger, request.params.ref))) as Json<typeof bom>,
  );
  typed.get(
    '/v1/export',
    { config: { access: 'audit' }, schema: { summary: 'Ledger bundle, JSON lines (steward export)', tags: ['proofs'], produces: ['application/x-ndjson'], response: { 200: z.any(), ...inputErrors } } },
    async (_request, reply) => {
      const folder = await mkdtemp(join(tempRoot, 'steward-export-'));
      const path = join(folder, 'ledger.jsonl');
      try {
        await ledger.exportBundle(path);
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
      const stream = createReadStream(path);
      stream.on('close', () => void rm(folder, { recursive: true, force: true }));
      return reply.type('application/x-ndjson').send(stream);
    },
  );
}
