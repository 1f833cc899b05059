import type { AlertDelivery } from '../../../core/index.ts';
import { createRandom, type Random } from '../../../stats/random.ts';

export interface RetryPolicy {
  /** Attempts in all (1 = no retry). */
  readonly attempts: number;
  /** Delay before the first retry; doubled each retry, times a jitter factor in [0.5, 1.5). */
  readonly backoffMs: number;
  readonly timeoutMs: number;
  /** Seed of the jitter, so a run's delays are reproducible. */
  readonly seed: number;
}

export interface HttpRequest {
  /** `webhook`, `slack`, `pagerduty`, `github`, `gitlab`. */
  readonly target: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The exact bytes sent (a signature is computed over them). */
  readonly body: string;
}

/**
 * POSTs with bounded retries and exponential back-off: a network error, a timeout, 429 or a 5xx answer is retried
 * after backoff·2^(attempt−1)·(0.5 + u), u uniform from a seeded generator (jitter spreads retries of many monitors);
 * any other 4xx is final (the request itself is wrong, retrying cannot help). Never throws: the outcome, with the
 * attempts made and the last status or error, is returned for the ledger.
 */
export async function deliver(request: HttpRequest, policy: RetryPolicy, sleep: (ms: number) => Promise<void> = delay): Promise<AlertDelivery> {
  const random: Random = createRandom(policy.seed);
  const url = redactedUrl(request.url);
  let last: { status?: number; error?: string } = {};
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) await sleep(policy.backoffMs * 2 ** (attempt - 2) * (0.5 + random.nextDouble()));
    try {
      const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(policy.timeoutMs) });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { target: request.target, url, ok: true, attempts: attempt, status: response.status };
      last = { status: response.status, error: `HTTP ${response.status}` };
      if (response.status < 500 && response.status !== 429) return { target: request.target, url, ok: false, attempts: attempt, ...last };
    } catch (error) {
      last = { error: describe(error) };
    }
  }
  return { target: request.target, url, ok: false, attempts: policy.attempts, ...last };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Only the origin of a target reaches the ledger: Slack-style hook paths and query strings are secrets themselves
 * (a leaf is kept and exported forever), while the origin and the target type still tell which receiver failed.
 */
function redactedUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if ((error as { name?: unknown }).name === 'TimeoutError') return 'timeout';
  return String((error as { message?: unknown }).message ?? error);
}
