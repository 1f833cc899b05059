import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles, type TokenRegistry } from '../../app/index.ts';
import { inputErrors } from '../schemas.ts';

const tokenInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(roles),
    createdAt: z.string(),
    expiresAt: z.string().optional(),
    revokedAt: z.string().optional(),
  })
  .meta({ id: 'TokenInfo' });

const createBody = z
  .object({ name: z.string(), role: z.enum(roles), expires: z.string().optional().meta({ description: '`30d`, `12h`, or an RFC 3339 time.' }) })
  .meta({ id: 'CreateTokenRequest' });

/** Admin routes over tokens: the same registry as `steward token create|list|revoke`. */
export function registerTokenRoutes(app: FastifyInstance, tokens: TokenRegistry, now: () => Date): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/v1/tokens',
    { config: { access: 'admin' }, schema: { summary: 'List tokens (never the secrets)', tags: ['tokens'], response: { 200: z.array(tokenInfo), ...inputErrors } } },
    async () => tokens.list(),
  );
  typed.post(
    '/v1/tokens',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Create a token; the secret is in this response only',
        tags: ['tokens'],
        body: createBody,
        response: { 201: tokenInfo.extend({ token: z.string() }).meta({ id: 'CreatedToken' }), ...inputErrors, 409: inputErrors[400] },
      },
    },
    async (request, reply) => {
      const { name, role, expires } = request.body;
      const created = await tokens.create({ name, role, now: now(), ...(expires === undefined ? {} : { expires }) });
      return reply.status(201).send(created);
    },
  );
  typed.delete(
    '/v1/tokens/:nameOrId',
    {
      config: { access: 'admin' },
      schema: { summary: 'Revoke a token by name or id', tags: ['tokens'], params: z.object({ nameOrId: z.string() }), response: { 200: tokenInfo, ...inputErrors, 404: inputErrors[400] } },
    },
    async (request) => tokens.revoke(request.params.nameOrId, now()),
  );
}
