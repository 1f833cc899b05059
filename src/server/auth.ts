import type { FastifyInstance, FastifyRequest } from 'fastify';
import { allows, grants, type Permission, type TokenInfo, type TokenRegistry } from '../app/index.ts';
import { fail } from '../core/index.ts';

/** What a route declares in its `config`: the permission it needs, or `public` (health probes only). */
export type Access = Permission | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The authenticated caller, set by the auth hook before any handler runs. */
    caller?: TokenInfo;
  }
}

const BEARER = /^Bearer ([^\s]+)$/;

/**
 * Bearer auth for every route. Deny by default: a route that declares no access (including the not-found handler)
 * still needs a valid token, so an unauthenticated caller learns nothing, not even which paths exist.
 */
export function registerAuth(app: FastifyInstance, tokens: TokenRegistry, now: () => Date): void {
  app.decorateRequest('caller', undefined);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    request.caller = await authenticate(request, tokens, now());
    const need = access ?? 'read';
    if (!allows(request.caller.role, need)) {
      fail('AUTH_FORBIDDEN', `role ${request.caller.role} may not ${request.method} ${request.routeOptions.url ?? request.url}`, {
        expected: `a token with one of the roles: ${grants[need].join(', ')}`,
      });
    }
  });
}

async function authenticate(request: FastifyRequest, tokens: TokenRegistry, now: Date): Promise<TokenInfo> {
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    fail('AUTH_MISSING_TOKEN', 'this route needs an Authorization: Bearer <token> header', { hint: 'create a token with `steward token create`' });
  }
  const match = BEARER.exec(header);
  if (match === null) fail('AUTH_INVALID_TOKEN', 'the Authorization header is not of the form "Bearer <token>"');
  const result = await tokens.authenticate(match[1] as string, now);
  if (!result.ok) fail(result.code, result.message);
  return result.token;
}
