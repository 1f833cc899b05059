import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tmpdir } from 'node:os';
import { z } from 'zod';
import { relabelProblem, relabelVerdict, runCheck, type CheckRequest } from '../../app/index.ts';
import { defined, fail, isStewardError, StewardError } from '../../core/index.ts';
import { inputErrors } from '../schemas.ts';
import { receiveUploads } from '../upload.ts';

const file = (description: string) => z.string().meta({ format: 'binary', description });

/** The multipart form of POST /v1/check, for the OpenAPI document (the parts are read as streams, see upload.ts). */
export const checkForm = z
  .object({
    policy: file('The policy YAML (a file part, or a text field with the YAML).'),
    data: file('The evaluation data: CSV, TSV, JSONL or Parquet. Its file name\'s extension tells the format unless options.dataFormat does.'),
    baseline: file('Evaluation of the production model, for baseline rules.').optional(),
    modelCard: file('Model card (YAML or JSON), for documentation rules.').optional(),
    waivers: file('Waivers (YAML).').optional(),
    options: z.string().optional().meta({ description: 'JSON of CheckOptions: the flags of `steward check` other than files.' }),
  })
  .meta({ id: 'CheckForm' });

/** The flags of `steward check` that are not files: the `options` field of the form. */
export const checkOptions = z
  .object({
    model: z.string().optional(),
    dataFormat: z.enum(['csv', 'jsonl', 'parquet']).optional(),
    delimiter: z.string().optional(),
    seed: z.number().int().optional(),
    now: z.iso.datetime({ offset: true }).optional().meta({ description: 'The time waivers are judged at (default: the server\'s now).' }),
    columns: z
      .object({
        yTrue: z.string().optional(),
        yPred: z.string().optional(),
        score: z.string().optional(),
        threshold: z.number().optional(),
        sensitive: z.array(z.string()).optional(),
        weight: z.string().optional(),
        positiveLabel: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'CheckOptions' });

export type CheckOptions = z.infer<typeof checkOptions>;

/** The verdict (schema/report.schema.json describes it in full); here its stable top-level members. */
export const verdictSchema = z
  .looseObject({ schema: z.literal('steward.verdict/v1'), outcome: z.enum(['pass', 'fail', 'warn']), digest: z.string(), findings: z.array(z.unknown()) })
  .meta({ id: 'Verdict' });

const FILE_FIELDS = ['policy', 'data', 'baseline', 'modelCard', 'waivers'];

/** POST /v1/check: the same runCheck as `steward check`, on uploaded files; answers the verdict JSON. */
export function registerCheckRoute(app: FastifyInstance, now: () => Date, tempRoot = tmpdir()): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/check',
    {
      config: { access: 'engineer' },
      // The parts are streams: the form is documented here and checked field by field in the handler.
      validatorCompiler: () => () => ({ value: undefined }),
      schema: {
        summary: 'Check an evaluation against a policy (steward check)',
        description:
          'multipart/form-data; files are streamed to disk (size-limited), checked, and deleted. The answer is the verdict, whatever its outcome; a failed check is `outcome: "fail"` with status 200.',
        tags: ['check'],
        consumes: ['multipart/form-data'],
        body: checkForm,
        response: { 200: verdictSchema, ...inputErrors, 413: inputErrors[400] },
      },
    },
    async (request) => {
      const uploads = await receiveUploads(request, FILE_FIELDS, tempRoot);
      try {
        const options = parseOptions(uploads.fields.get('options'));
        const path = (field: string): string | undefined => uploads.files.get(field);
        const policyFile = path('policy') ?? fail('SERVER_INVALID_REQUEST', 'the form has no "policy" part', { location: { path: 'policy' }, expected: 'the policy YAML' });
        const dataFile = path('data') ?? fail('SERVER_INVALID_REQUEST', 'the form has no "data" part', { location: { path: 'data' }, expected: 'the evaluation data file' });
        const checkRequest: CheckRequest = {
          policyFile,
          dataFile,
          now: options.now === undefined ? now() : new Date(options.now),
          ...(options.columns === undefined ? {} : { columns: defined(options.columns) }),
          ...defined({
            dataFormat: options.dataFormat,
            delimiter: options.delimiter,
            model: options.model,
            seed: options.seed,
            baselineFile: path('baseline'),
            modelCardFile: path('modelCard'),
            waiversFile: path('waivers'),
          }),
        };
        try {
          return relabelVerdict(await runCheck(checkRequest), uploads.names) as unknown as z.infer<typeof verdictSchema>;
        } catch (error) {
          // A problem in an upload names the client's file, not our temporary path.
          if (isStewardError(error)) throw new StewardError(relabelProblem(error.problem, uploads.names), { cause: error });
          throw error;
        }
      } finally {
        await uploads.cleanup();
      }
    },
  );
}

function parseOptions(text: string | undefined): CheckOptions {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail('SERVER_INVALID_REQUEST', 'the "options" field is not JSON', { location: { path: 'options' }, expected: 'a JSON object of check options' });
  }
  const parsed = checkOptions.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = ['options', ...(issue?.path ?? []).map(String)].join('.');
    fail('SERVER_INVALID_REQUEST', `options: ${issue?.message ?? 'invalid'}`, { location: { path: where } });
  }
  return parsed.data;
}
