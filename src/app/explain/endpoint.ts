import { fail, StewardError } from '../../core/index.ts';
import { backoffDelays, sleep } from './backoff.ts';
import { redactUrl, resolveEndpointOptions, type EndpointOptions, type ResolvedEndpointOptions } from './endpoint-options.ts';
import { AnswerProblem, decodeResponse, encodeRequest, type Instance } from './endpoint-protocol.ts';

export interface ModelClient {
  /** The endpoint URL without credentials or query values, as errors and reports show it. */
  readonly url: string;
  readonly features: readonly string[];
  /** One prediction per instance, in order: batches of batchSize, at most `concurrency` requests in flight. */
  predict(instances: readonly Instance[]): Promise<Float64Array>;
  /** Requests sent so far (retries included) and retries among them. */
  counters(): { readonly requests: number; readonly retries: number };
}

/** Why one attempt failed, and whether trying again could help. */
interface AttemptFailure {
  readonly retryable: boolean;
  readonly error: StewardError;
}

/**
 * A client for a model served over HTTP (plain JSON or KServe v2 / Open Inference Protocol), on Node's global
 * fetch. Network errors, timeouts and 5xx answers are retried with seeded back-off; 4xx answers and garbage (bad
 * JSON, wrong count, non-numeric) fail at once, since sending the same request again would get the same answer.
 */
export function createModelClient(options: EndpointOptions): ModelClient {
  const resolved = resolveEndpointOptions(options);
  const shownUrl = redactUrl(resolved.url);
  let requests = 0;
  let retries = 0;

  const attempt = async (body: string, rows: number, where: string): Promise<Float64Array | AttemptFailure> => {
    requests++;
    let status: number;
    let text: string;
    try {
      const response = await fetch(resolved.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...resolved.headers },
        body,
        signal: AbortSignal.timeout(resolved.timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      const reason = timedOut ? `no answer within ${resolved.timeoutMs} ms` : `cannot connect (${networkReason(error)})`;
      return { retryable: true, error: endpointError('EXPLAIN_ENDPOINT_UNREACHABLE', `${where}: ${reason}`, error) };
    }
    if (status >= 400) {
      const message = `${where}: HTTP ${status}${text === '' ? '' : `: ${text.slice(0, 200)}`}`;
      return { retryable: status >= 500, error: endpointError('EXPLAIN_ENDPOINT_HTTP_ERROR', message) };
    }
    try {
      return decodeResponse(text, rows, resolved);
    } catch (error) {
      if (!(error instanceof AnswerProblem)) throw error;
      return { retryable: false, error: endpointError('EXPLAIN_ENDPOINT_BAD_RESPONSE', `${where}: ${error.message}`) };
    }
  };

  const sendBatch = async (instances: readonly Instance[], batch: number, first: number): Promise<Float64Array> => {
    const where = `POST ${shownUrl} (batch ${batch + 1}, rows ${first + 1}–${first + instances.length})`;
    let body: string;
    try {
      body = JSON.stringify(encodeRequest(instances, resolved));
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      fail('EXPLAIN_INVALID_OPTION', error.message, { expected: 'numeric features, or v2Layout "columns"' });
    }
    const waits = backoffDelays(resolved.seed, batch, resolved.retries, resolved.backoffMs, resolved.maxBackoffMs);
    for (let i = 0; ; i++) {
      const outcome = await attempt(body, instances.length, where);
      if (outcome instanceof Float64Array) return outcome;
      if (!outcome.retryable || i >= waits.length) {
        if (i > 0) throw new StewardError({ ...outcome.error.problem, message: `${outcome.error.problem.message} (after ${i + 1} attempts)` }, { cause: outcome.error });
        throw outcome.error;
      }
      retries++;
      await sleep(waits[i] as number);
    }
  };

  return {
    url: shownUrl,
    features: resolved.features,
    counters: () => ({ requests, retries }),
    predict: (instances) => predictAll(instances, resolved, sendBatch),
  };
}

/** Runs the batches with at most `concurrency` in flight; the first failure stops new batches from starting. */
async function predictAll(
  instances: readonly Instance[],
  options: ResolvedEndpointOptions,
  sendBatch: (rows: readonly Instance[], batch: number, first: number) => Promise<Float64Array>,
): Promise<Float64Array> {
  const result = new Float64Array(instances.length);
  const batches = Math.ceil(instances.length / options.batchSize);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < batches) {
      const batch = next++;
      const first = batch * options.batchSize;
      try {
        result.set(await sendBatch(instances.slice(first, first + options.batchSize), batch, first), first);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, batches) }, worker));
  return result;
}

function endpointError(code: 'EXPLAIN_ENDPOINT_UNREACHABLE' | 'EXPLAIN_ENDPOINT_HTTP_ERROR' | 'EXPLAIN_ENDPOINT_BAD_RESPONSE', message: string, cause?: unknown): StewardError {
  const expected = code === 'EXPLAIN_ENDPOINT_BAD_RESPONSE' ? 'one finite number per instance, in the protocol\'s answer shape' : 'a reachable endpoint answering 200';
  return new StewardError({ code, message, expected }, cause === undefined ? undefined : { cause });
}

/** The system error code behind a failed fetch (ECONNREFUSED, ENOTFOUND, …) when there is one. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause !== undefined && typeof cause.code === 'string') return cause.code;
  if (cause !== undefined && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
