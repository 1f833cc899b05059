import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { publishPolicy, relabelProblem, type Ledger } from '../../app/index.ts';
import { isStewardError, StewardError } from '../../core/index.ts';
import { inputErrors } from '../schemas.ts';
import { recordResult } from '../view-schemas.ts';
import { recordContext, recordFields } from './records.ts';

const publishBody = z
  .strictObject({
    name: z.string().min(1).max(200).meta({ description: 'The file name problems are reported against (the path as the client gave it).' }),
    content: z.string().max(4_000_000).meta({ description: 'The policy YAML.' }),
    ...recordFields,
  })
  .meta({ id: 'PublishPolicyRequest' });

/**
 * POST /v1/policies: `steward policy publish`. The text is written to a temporary file and loaded exactly as a local
 * publish loads it; a problem in it names the client's file name, never the temporary path.
 */
export function registerPublishRoute(app: FastifyInstance, ledger: Ledger, now: () => Date, tempRoot = tmpdir()): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/policies',
    {
      config: { access: 'engineer' },
      schema: { summary: 'Validate and publish a policy to the ledger (steward policy publish)', tags: ['policy'], body: publishBody, response: { 201: recordResult, ...inputErrors } },
    },
    async (request, reply) => {
      const context = await recordContext(request.body, now);
      const folder = await mkdtemp(join(tempRoot, 'steward-publish-'));
      const path = join(folder, 'policy.yaml');
      try {
        await writeFile(path, request.body.content);
        const result = await publishPolicy(ledger, path, context);
        return await reply.status(201).send(result as z.infer<typeof recordResult>);
      } catch (error) {
        if (isStewardError(error)) throw new StewardError(relabelProblem(error.problem, new Map([[path, request.body.name]])), { cause: error });
        throw error;
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
}
