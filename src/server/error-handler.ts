import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStewardError, type Problem } from '../core/index.ts';
import { FieldError } from './field-errors.ts';
import { httpStatusOf } from './http-status.ts';
import type { ErrorBody } from './schemas.ts';

/**
 * The server's single error boundary, like main.ts for the CLI. A StewardError becomes its status with the code and
 * the field or location; fastify's own errors (validation, body parsing, upload limits) get codes too; anything else
 * is a bug: 500 with the request id to find the stack in the logs, never the stack in the body.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    if (isStewardError(error)) return send(reply, request, httpStatusOf(error.code), error.problem, error instanceof FieldError ? error.field : undefined);
    const framework = error as Partial<FastifyError> & { validation?: { instancePath?: string; message?: string }[] };
    if (framework.validation !== undefined) {
      const first = framework.validation[0];
      const field = `${framework.validationContext ?? 'body'}${(first?.instancePath ?? '').replace(/\//g, '.')}`;
      return send(reply, request, 400, { code: 'SERVER_INVALID_REQUEST', message: framework.message ?? 'invalid request', location: { path: field } });
    }
    const status = framework.statusCode;
    if (status === 413) return send(reply, request, 413, { code: 'SERVER_PAYLOAD_TOO_LARGE', message: framework.message ?? 'payload too large' });
    if (status !== undefined && status >= 400 && status < 500) {
      return send(reply, request, status, { code: 'SERVER_INVALID_REQUEST', message: framework.message ?? 'invalid request' });
    }
    request.log.error({ err: error }, 'internal error');
    return send(reply, request, 500, { code: 'INTERNAL_INVARIANT', message: `internal error; see the server log for request ${request.id}` });
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, { code: 'SERVER_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}`, hint: 'GET /openapi.json lists the routes' }),
  );
}

export function send(reply: FastifyReply, request: FastifyRequest, status: number, problem: Problem, field?: string): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.status(status).send(errorBodyOf(problem, request.id, field));
}

export function errorBodyOf(problem: Problem, requestId: string, named?: string): ErrorBody {
  const field = named ?? problem.location?.path ?? problem.location?.file;
  return {
    error: {
      code: problem.code,
      message: problem.message,
      ...(field === undefined ? {} : { field }),
      ...(problem.location === undefined ? {} : { location: problem.location }),
      ...(problem.expected === undefined ? {} : { expected: problem.expected }),
      ...(problem.hint === undefined ? {} : { hint: problem.hint }),
      requestId,
    },
  };
}
