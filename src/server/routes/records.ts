import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordApproval, recordDeployment, recordDescribedDataset, recordDigestedVersion, recordRun, type RecordContext } from '../../app/index.ts';
import { defined, type CiContext, type Problem } from '../../core/index.ts';
import { naming, timeField } from '../field-errors.ts';
import { inputErrors } from '../schemas.ts';
import { recordResult } from '../view-schemas.ts';

const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/).meta({ description: '`sha256:` + 64 lowercase hex digits.' });
const count = z.number().int().nonnegative();

/** What every record takes besides its own fields: when it happened and the CI run it came from (both optional). */
export const recordFields = {
  at: z.string().optional().meta({ description: 'When it happened, RFC 3339 (`--at`); default: the server\'s now.' }),
  ci: z
    .strictObject({
      provider: z.enum(['github', 'gitlab']),
      repository: z.string().optional(),
      commit: z.string().optional(),
      ref: z.string().optional(),
      runUrl: z.string().optional(),
      actor: z.string().optional(),
    })
    .optional()
    .meta({ description: 'The CI context the client read from its environment (GitHub Actions, GitLab CI).' }),
};

type RequestCi = NonNullable<z.infer<typeof recordFields.ci>>;

const datasetBody = z
  .strictObject({
    name: z.string(),
    digest,
    source: z.string().meta({ description: 'Where the data came from (the path as the client gave it, by default).' }),
    bytes: count,
    files: count.optional().meta({ description: 'For a directory hashed as a Merkle tree: how many files.' }),
    rows: count.optional(),
    columns: z.array(z.strictObject({ name: z.string(), type: z.string() })).optional(),
    ...recordFields,
  })
  .meta({ id: 'RecordDatasetRequest', description: 'A dataset the client digested and profiled (`steward record dataset` does this locally): the data never travels.' });

const runBody = z
  .strictObject({
    id: z.string(),
    model: z.string().optional(),
    datasets: z.array(z.string()).meta({ description: '`name` or `name@sha256:…`, each recorded before.' }),
    commit: z.string().optional(),
    params: z.array(z.string()).optional().meta({ description: '`key=value` strings.' }),
    ...recordFields,
  })
  .meta({ id: 'RecordRunRequest' });

const versionBody = z
  .strictObject({
    ref: z.string().meta({ description: '`model@version`.' }),
    artifact: z.strictObject({ digest, bytes: count, path: z.string().optional() }).meta({ description: 'The artifact as the client digested it.' }),
    run: z.string().optional(),
    ...recordFields,
  })
  .meta({ id: 'RecordVersionRequest' });

const deploymentBody = z.strictObject({ ref: z.string(), environment: z.string(), ...recordFields }).meta({ id: 'RecordDeploymentRequest' });

const approvalBody = z
  .strictObject({
    ref: z.string().meta({ description: '`model@version`, a recorded version.' }),
    decision: z.enum(['approved', 'rejected']),
    comment: z.string().meta({ description: 'Why (required, not blank).' }),
    verdict: count.optional().meta({ description: 'The log index of the verdict of this version being approved.' }),
    ...recordFields,
  })
  .meta({ id: 'ApprovalRequest', description: 'An approval or rejection of a version\'s promotion. The approver is the calling token\'s name: a body cannot name one.' });

/**
 * POST /v1/records/{datasets,runs,versions,deployments}: `steward record …` (engineer). Files are digested by the
 * client; the server checks every reference against the log as the CLI does and appends the event.
 * POST /v1/approvals: `steward approve` (approver), under the name of the token that calls.
 */
export function registerRecordRoutes(app: FastifyInstance, ledger: Parameters<typeof recordRun>[0], now: () => Date): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const responses = { 201: recordResult, ...inputErrors, 404: inputErrors[400], 409: inputErrors[400] };
  typed.post('/v1/records/datasets', { config: { access: 'engineer' }, schema: { summary: 'Record a dataset (steward record dataset)', tags: ['records'], body: datasetBody, response: responses } }, async (request, reply) => {
    const { name, digest: content, source, bytes, files, rows, columns } = request.body;
    const description = { name, digest: content as `sha256:${string}`, source, bytes, ...defined({ files, rows }), ...(columns === undefined ? {} : { columns }) };
    const result = await naming('name', async () => recordDescribedDataset(ledger, description, await recordContext(request.body, now)));
    return reply.status(201).send(result as z.infer<typeof recordResult>);
  });
  typed.post('/v1/records/runs', { config: { access: 'engineer' }, schema: { summary: 'Record a training run (steward record run)', tags: ['records'], body: runBody, response: responses } }, async (request, reply) => {
    const { id, model, datasets, commit, params } = request.body;
    const result = await naming(runField, async () => recordRun(ledger, { id, datasets, params: params ?? [], ...defined({ model, commit }) }, await recordContext(request.body, now)));
    return reply.status(201).send(result as z.infer<typeof recordResult>);
  });
  typed.post('/v1/records/versions', { config: { access: 'engineer' }, schema: { summary: 'Record a model version (steward record version)', tags: ['records'], body: versionBody, response: responses } }, async (request, reply) => {
    const { ref, artifact, run } = request.body;
    const digested = { ref, artifact: { digest: artifact.digest as `sha256:${string}`, bytes: artifact.bytes, ...defined({ path: artifact.path }) }, ...defined({ run }) };
    const result = await naming((problem) => (problem.code === 'RECORD_UNKNOWN_RUN' ? 'run' : 'ref'), async () => recordDigestedVersion(ledger, digested, await recordContext(request.body, now)));
    return reply.status(201).send(result as z.infer<typeof recordResult>);
  });
  typed.post('/v1/records/deployments', { config: { access: 'engineer' }, schema: { summary: 'Record a deployment (steward record deployment)', tags: ['records'], body: deploymentBody, response: responses } }, async (request, reply) => {
    const { ref, environment } = request.body;
    const result = await naming((problem) => (problem.message.startsWith('environment') ? 'environment' : 'ref'), async () => recordDeployment(ledger, { ref, environment }, await recordContext(request.body, now)));
    return reply.status(201).send(result as z.infer<typeof recordResult>);
  });
  typed.post('/v1/approvals', { config: { access: 'approve' }, schema: { summary: 'Approve or reject a version (steward approve)', tags: ['records'], body: approvalBody, response: responses } }, async (request, reply) => {
    const { ref, decision, comment, verdict } = request.body;
    // The token says who approves: an approver can sign only under their own name.
    const approval = { ref, decision, comment, approver: request.caller?.name ?? '', ...defined({ verdict }) };
    const result = await naming(approvalField, async () => recordApproval(ledger, approval, await recordContext(request.body, now)));
    return reply.status(201).send(result as z.infer<typeof recordResult>);
  });
}

/** Which field of an approval request a record error is about. */
function approvalField(problem: Problem): string {
  if (problem.code === 'RECORD_UNKNOWN_VERDICT') return 'verdict';
  return problem.code === 'RECORD_EMPTY_FIELD' ? 'comment' : 'ref';
}

/** Which field of a run request a record error is about (the app's messages name the CLI flags). */
function runField(problem: Problem): string {
  if (problem.code === 'RECORD_DUPLICATE' || problem.message.startsWith('run id')) return 'id';
  return problem.message.startsWith('--param') ? 'params' : 'datasets';
}

/** The record context of a request: its `at` (else the server's clock) and the client's CI context. */
export async function recordContext(body: { at?: string | undefined; ci?: RequestCi | undefined }, now: () => Date): Promise<RecordContext> {
  const at = await timeField('at', body.at, now);
  // exactOptionalPropertyTypes: the parsed body may hold `undefined` members, an event must not.
  return body.ci === undefined ? { at } : { at, ci: defined(body.ci) as CiContext };
}
