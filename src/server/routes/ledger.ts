import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parseTime, readLineage, readLog, readState, type Ledger, type LogFilter } from '../../app/index.ts';
import { inputErrors } from '../schemas.ts';

/** Results whose full shape is the app's TypeScript type (and docs/ledger.md); documented here as objects. */
const object = (id: string, description: string) => z.record(z.string(), z.unknown()).meta({ id, description });
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
        querystring: z.object({ kind: z.string().optional(), model: z.string().optional(), since: z.string().optional(), until: z.string().optional() }),
        response: { 200: z.object({ events: z.array(z.object({ index: z.number(), leafHash: z.string(), event: z.record(z.string(), z.unknown()) })) }), ...inputErrors },
      },
    },
    async (request) => {
      const { kind, model, since, until } = request.query;
      const filter = {
        ...(kind === undefined ? {} : { kind: kind as NonNullable<LogFilter['kind']> }),
        ...(model === undefined ? {} : { model }),
        ...(since === undefined ? {} : { since: parseTime(since, 'since') }),
        ...(until === undefined ? {} : { until: parseTime(until, 'until') }),
      };
      const events = await readLog(ledger, filter);
      return { events: events.map((entry) => ({ ...entry, event: entry.event as unknown as Record<string, unknown> })) };
    },
  );
  typed.get(
    '/v1/lineage/:ref',
    { config: { access: 'read' }, schema: { summary: 'Lineage of model@version (steward lineage)', tags: ['ledger'], params: z.object({ ref: z.string() }), response: { 200: object('Lineage', 'See the Lineage type.'), ...inputErrors, 404: inputErrors[400] } } },
    async (request) => (await readLineage(ledger, request.params.ref)) as unknown as Record<string, unknown>,
  );
  typed.get(
    '/v1/state',
    { config: { access: 'read' }, schema: { summary: 'What was live at a time (steward state)', tags: ['ledger'], querystring: z.object({ at: z.string().optional() }), response: { 200: object('State', 'See the StateAt type.'), ...inputErrors } } },
    async (request) => (await readState(ledger, request.query.at === undefined ? new Date() : parseTime(request.query.at, 'at'))) as unknown as Record<string, unknown>,
  );
  typed.get(
    '/v1/checkpoint',
    { config: { access: 'audit' }, schema: { summary: 'Signed checkpoint of the current log (steward checkpoint)', tags: ['proofs'], response: { 200: z.object({ origin: z.string(), size: z.number(), root: z.string(), text: z.string(), verifierKey: z.string().optional() }), ...inputErrors, 409: inputErrors[400] } } },
    async () => {
      const checkpoint = await ledger.checkpoint();
      const identity = await ledger.identity();
      return { ...checkpoint, ...(identity === undefined ? {} : { verifierKey: identity.verifierKey }) };
    },
  );
  typed.get(
    '/v1/verify',
    { config: { access: 'audit' }, schema: { summary: 'Recompute and verify the whole log (steward verify)', tags: ['proofs'], response: { 200: object('VerifyReport', 'ok, size, root; or the first finding.'), ...inputErrors } } },
    async () => (await ledger.verify()) as unknown as Record<string, unknown>,
  );
  typed.get(
    '/v1/proofs/inclusion/:id',
    { config: { access: 'audit' }, schema: { summary: 'RFC 9162 inclusion proof of one event', tags: ['proofs'], params: z.object({ id: hexIndex }), response: { 200: object('InclusionProof', 'Hashes as lowercase hex.'), ...inputErrors, 404: inputErrors[400] } } },
    async (request) => {
      const id = request.params.id;
      return (await ledger.inclusionProof(/^\d+$/.test(id) ? Number(id) : id)) as unknown as Record<string, unknown>;
    },
  );
  typed.get(
    '/v1/proofs/consistency',
    { config: { access: 'audit' }, schema: { summary: 'RFC 9162 consistency proof between two sizes', tags: ['proofs'], querystring: z.object({ first: size, second: size.optional() }), response: { 200: object('ConsistencyProof', 'Hashes as lowercase hex.'), ...inputErrors, 404: inputErrors[400] } } },
    async (request) => (await ledger.consistencyProof(request.query.first, request.query.second)) as unknown as Record<string, unknown>,
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
