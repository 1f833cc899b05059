import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { toolVersion } from '../../app/index.ts';
import { authErrors } from '../schemas.ts';

/** GET /v1/version, /openapi.json and /metrics: any valid token (Prometheus scrapes with a viewer token). */
export function registerMetaRoutes(app: FastifyInstance, metrics: Registry): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/v1/version',
    { config: { access: 'read' }, schema: { summary: 'Steward version and API version', tags: ['meta'], response: { 200: z.object({ name: z.literal('steward'), version: z.string(), api: z.literal('v1') }), ...authErrors } } },
    async () => ({ name: 'steward' as const, version: toolVersion, api: 'v1' as const }),
  );
  typed.get(
    '/openapi.json',
    { config: { access: 'read' }, schema: { summary: 'This OpenAPI 3.1 document', tags: ['meta'], response: { 200: z.record(z.string(), z.unknown()), ...authErrors } } },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );
  typed.get(
    '/metrics',
    { config: { access: 'read' }, schema: { summary: 'Prometheus metrics (text exposition format)', tags: ['meta'], produces: ['text/plain'], response: { 200: z.string(), ...authErrors } } },
    async (_request, reply) => {
      reply.type(metrics.contentType);
      return metrics.metrics();
    },
  );
}
