import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TokenRegistry } from '../../app/index.ts';
import { errorBody } from '../schemas.ts';

const status = z.object({ status: z.enum(['ok', 'unavailable']) }).meta({ id: 'Health' });

/**
 * The two probes, the only routes that answer without a token (orchestrators cannot hold one). They reveal nothing
 * but up/down: /healthz says the process serves HTTP; /readyz says the store answers and its migrations are applied
 * (a store is opened only after migrating, so a reachable store is a migrated one).
 */
export function registerHealthRoutes(app: FastifyInstance, tokens: TokenRegistry, isDraining: () => boolean): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/healthz',
    { config: { access: 'public' }, schema: { summary: 'Liveness probe (no auth)', tags: ['health'], security: [], response: { 200: status } } },
    async () => ({ status: 'ok' as const }),
  );
  typed.get(
    '/readyz',
    { config: { access: 'public' }, schema: { summary: 'Readiness probe: store reachable (no auth)', tags: ['health'], security: [], response: { 200: status, 503: status, 500: errorBody } } },
    async (request, reply) => {
      if (isDraining()) return reply.status(503).send({ status: 'unavailable' as const });
      try {
        await tokens.ping();
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'store not reachable');
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  );
}
