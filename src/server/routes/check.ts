import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { z } from 'zod';
import { datasetVersions, explainFilesOf, recordVerdict, relabelProblem, relabelVerdict, runCheck, type CheckRequest, type Ledger } from '../../app/index.ts';
import { defined, fail, isStewardError, StewardError } from '../../core/index.ts';
import { inputErrors } from '../schemas.ts';
import { receiveUploads } from '../upload.ts';
import { endpointGuard } from '../endpoint-guard.ts';
import { recordContext, recordFields } from './records.ts';

const file = (description: string) => z.string().meta({ format: 'binary', description });

/** The multipart form of POST /v1/check, for the OpenAPI document (the parts are read as streams, see upload.ts). */
export const checkForm = z
  .object({
    policy: file('The policy YAML (a file part, or a text field with the YAML).'),
    data: file('The evaluation data: CSV, TSV, JSONL or Parquet. Its file name\'s extension tells the format unless options.dataFormat does.'),
    baseline: file('Evaluation of the production model, for baseline rules.').optional(),
    modelCard: file('Model card (YAML or JSON), for documentation rules.').optional(),
    waivers: file('Waivers (YAML).').optional(),
    attributions: file("Per-row feature attributions aligned with the evaluation (steward check --attributions; also the file the policy's explain.attributions names).").optional(),
    importanceBaseline: file("Global feature importance of the baseline version (--importance-baseline; also the policy's explain.importance_baseline file).").optional(),
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
    record: z.boolean().optional().meta({ description: 'Append the verdict to the ledger (steward check --record), dated `now`; the answer then carries the headers steward-event-index and steward-record-warnings (URI-encoded JSON array).' }),
    ci: recordFields.ci,
    explain: z
      .object({
        endpoint: z.string().optional().meta({ description: 'The served model for the flip test (--endpoint); its origin must be allowed by `steward serve --allow-endpoint`.' }),
        endpointProtocol: z.enum(['plain', 'kserve-v2']).optional(),
      })
      .strict()
      .optional(),
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

const FILE_FIELDS = ['policy', 'data', 'baseline', 'modelCard', 'waivers', 'attributions', 'importanceBaseline'];

/**
 * POST /v1/check: the same runCheck as `steward check`, on uploaded files; answers the verdict JSON. A flip test
 * calls only endpoints whose origin is in `allowedEndpoints` (`serve --allow-endpoint`): by default none.
 */
export function registerCheckRoute(app: FastifyInstance, ledger: Ledger, now: () => Date, tempRoot = tmpdir(), allowedEndpoints: readonly string[] = []): void {
  const guardEndpoint = endpointGuard(allowedEndpoints);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/check',
    {
      config: { access: 'engineer' },
      // The parts are streams: the form is documented here and checked field by field in the handler.
      validatorCompiler: () => () => ({ value: undefined }),
      schema: {
        summary: 'Check an evaluation against a policy (steward check)',
        description:
          'multipart/form-data; files are streamed to disk (size-limited), checked, and deleted. The answer is the verdict, whatever its outcome; a failed check is `outcome: "fail"` with status 200. A flip test (explain.flip_rate rules) calls the model endpoint only if its origin was allowed with `steward serve --allow-endpoint`, else 403 SERVER_ENDPOINT_NOT_ALLOWED.',
        tags: ['check'],
        consumes: ['multipart/form-data'],
        body: checkForm,
        response: { 200: verdictSchema, ...inputErrors, 413: inputErrors[400] },
      },
    },
    async (request, reply) => {
      const uploads = await receiveUploads(request, FILE_FIELDS, tempRoot);
      try {
        const options = parseOptions(uploads.fields.get('options'));
        const path = (field: string): string | undefined => uploads.files.get(field);
        const policyFile = path('policy') ?? fail('SERVER_INVALID_REQUEST', 'the form has no "policy" part', { location: { path: 'policy' }, expected: 'the policy YAML' });
        const dataFile = path('data') ?? fail('SERVER_INVALID_REQUEST', 'the form has no "data" part', { location: { path: 'data' }, expected: 'the evaluation data file' });
        await requireExplainUploads(policyFile, uploads.files);
        const checkRequest: CheckRequest = {
          policyFile,
          dataFile,
          now: options.now === undefined ? now() : new Date(options.now),
          // A dataset policy's previous_version rule reads the recorded versions from this server's ledger.
          datasetVersions: (name) => datasetVersions(ledger, name),
          guardEndpoint: (url) => guardEndpoint(url, options.explain?.endpoint === undefined ? { file: policyFile } : { path: 'options.explain.endpoint' }),
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
          ...explainOf(options.explain, path('attributions'), path('importanceBaseline')),
        };
        let verdict;
        try {
          verdict = relabelVerdict(await runCheck(checkRequest), uploads.names);
        } catch (error) {
          // A problem in an upload names the client's file, not our temporary path.
          if (isStewardError(error)) throw new StewardError(relabelProblem(error.problem, uploads.names), { cause: error });
          throw error;
        }
        if (options.record === true) {
          const context = await recordContext({ at: options.now, ci: options.ci }, now);
          const recorded = await recordVerdict(ledger, verdict, context);
          reply.header('steward-event-index', String(recorded.index));
          reply.header('steward-record-warnings', encodeURIComponent(JSON.stringify(recorded.warnings)));
        }
        return verdict as unknown as z.infer<typeof verdictSchema>;
      } finally {
        await uploads.cleanup();
      }
    },
  );
}

/**
 * A policy's explain: may name attribution and importance files by path; on a server those are read only from
 * uploads (never from the server's disk, whatever path the policy gives), so a named file that was not uploaded is
 * refused, naming the part that carries it. The CLI uploads them by itself.
 */
async function requireExplainUploads(policyFile: string, files: ReadonlyMap<string, string>): Promise<void> {
  const named = await explainFilesOf({ policyFile });
  for (const [field, file, key] of [
    ['attributions', named.attributionsFile, 'explain.attributions'],
    ['importanceBaseline', named.importanceBaselineFile, 'explain.importance_baseline'],
  ] as const) {
    if (file !== undefined && !files.has(field)) {
      fail('SERVER_INVALID_REQUEST', `the policy's ${key} names ${basename(file)}, but the form has no "${field}" part`, {
        location: { path: field },
        expected: `the file as the "${field}" part (a server reads no file by name)`,
      });
    }
  }
}

/** The explain overrides of a request: uploaded files (wherever the client found them) and the endpoint options. */
function explainOf(given: CheckOptions['explain'], attributionsFile: string | undefined, importanceBaselineFile: string | undefined): Pick<CheckRequest, 'explain'> {
  const explain = defined({ attributionsFile, importanceBaselineFile, endpoint: given?.endpoint, endpointProtocol: given?.endpointProtocol });
  return Object.keys(explain).length === 0 ? {} : { explain };
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
