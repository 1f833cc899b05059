import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { relabelProblem, validatePolicies } from '../../app/index.ts';
import { inputErrors } from '../schemas.ts';

const problem = z.object({
  code: z.string(),
  message: z.string(),
  location: z.object({ file: z.string().optional(), line: z.number().optional(), column: z.number().optional(), path: z.string().optional() }).optional(),
  expected: z.string().optional(),
  hint: z.string().optional(),
});

const validateBody = z
  .object({
    policies: z
      .array(z.object({ name: z.string().min(1).max(200).meta({ description: 'The file name to report problems against.' }), content: z.string().max(4_000_000) }))
      .min(1)
      .max(100),
  })
  .meta({ id: 'ValidatePoliciesRequest' });

const validateResponse = z
  .object({ valid: z.boolean(), files: z.array(z.object({ file: z.string(), problems: z.array(problem) })) })
  .meta({ id: 'ValidatePoliciesResponse' });

/** POST /v1/policies/validate: `steward policy validate` on policy texts; every problem of every file, never a 4xx. */
export function registerPolicyRoutes(app: FastifyInstance, tempRoot = tmpdir()): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/policies/validate',
    { config: { access: 'engineer' }, schema: { summary: 'Validate policies (steward policy validate)', tags: ['policy'], body: validateBody, response: { 200: validateResponse, ...inputErrors } } },
    async (request) => {
      const folder = await mkdtemp(join(tempRoot, 'steward-policies-'));
      try {
        const names = new Map<string, string>();
        const paths = await Promise.all(
          request.body.policies.map(async (policy, k) => {
            const path = join(folder, `${k}.yaml`);
            await writeFile(path, policy.content);
            names.set(path, policy.name);
            return path;
          }),
        );
        const results = await validatePolicies(paths);
        const files = results.map((result) => ({ file: names.get(result.file) ?? result.file, problems: result.problems.map((p) => relabelProblem(p, names)) }));
        return { valid: files.every((entry) => entry.problems.length === 0), files };
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
}
