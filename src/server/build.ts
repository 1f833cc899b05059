import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { tmpdir } from 'node:os';
import { toolVersion } from '../app/index.ts';
import { registerAuth } from './auth.ts';
import { registerErrorHandler } from './error-handler.ts';
import { loggerOptions } from './logger.ts';
import { registerIngestMetrics } from './ingest-metrics.ts';
import { registerMetrics } from './metrics.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, type ServerOptions } from './options.ts';
import { requestIdOf } from './request-id.ts';
import { serializerCompiler } from './serializer.ts';
import { Ingest } from '../app/decisions/index.ts';
import { registerCheckRoute } from './routes/check.ts';
import { registerDecisionRoutes } from './routes/decisions.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerLedgerRoutes } from './routes/ledger.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerPolicyRoutes } from './routes/policies.ts';
import { registerPublishRoute } from './routes/publish.ts';
import { registerRecordRoutes } from './routes/records.ts';
import { registerTokenRoutes } from './routes/tokens.ts';

/** A server and the switch that makes /readyz answer 503 while it drains before shutdown. */
export interface StewardServer {
  readonly app: FastifyInstance;
  /** From now on /readyz is 503, so a load balancer stops sending new requests. */
  startDraining(): void;
}

/**
 * The HTTP API: a thin shell that maps each route to the same app function as the CLI (DESIGN.md, principle 1).
 * Zod schemas validate requests and serialise responses, and are the single source of /openapi.json.
 */
export async function buildServer(options: ServerOptions): Promise<StewardServer> {
  const now = options.now ?? (() => new Date());
  const tempRoot = options.tempDir ?? tmpdir();
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info', options.logStream),
    genReqId: requestIdOf,
    bodyLimit: 8 * 1024 * 1024,
    return503OnClosing: true,
  });
  let draining = false;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // While draining, each in-flight response closes its keep-alive connection, so close() does not wait on idle clients.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Steward API', version: toolVersion, description: 'Governance for teams that ship AI. See docs/server.md.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `steward token create`.' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // preservePath: the verdict records each file's path as the client gave it (the disk name is sanitised apart).
  await app.register(multipart, { preservePath: true, limits: { fileSize: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES, files: 7, fields: 10, fieldSize: 4 * 1024 * 1024 } });
  registerErrorHandler(app);
  registerAuth(app, options.tokens, now);
  const metrics = registerMetrics(app);
  registerHealthRoutes(app, options.tokens, () => draining);
  registerMetaRoutes(app, metrics);
  registerCheckRoute(app, options.ledger, now, tempRoot, options.allowedEndpoints);
  registerPolicyRoutes(app, tempRoot);
  registerLedgerRoutes(app, options.ledger, tempRoot);
  registerRecordRoutes(app, options.ledger, now);
  registerPublishRoute(app, options.ledger, now, tempRoot);
  registerTokenRoutes(app, options.tokens, now);
  const ingest = options.ingest ?? new Ingest(options.ledger, { now });
  registerDecisionRoutes(app, ingest, registerIngestMetrics(metrics, ingest));
  // close() waits for in-flight requests, whose answers wait for their batch: the queue is empty once they are sent.
  app.addHook('onClose', () => ingest.close());
  const background = options.background?.((message, fields) => app.log.info(fields, message));
  if (background !== undefined) app.addHook('onClose', () => background.stop());
  await app.ready();
  background?.start();
  return {
    app,
    startDraining: () => {
      draining = true;
    },
  };
}
