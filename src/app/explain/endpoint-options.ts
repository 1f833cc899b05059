import { fail } from '../../core/index.ts';

/** `json`: `{instances: [...]}` → `{predictions: [...]}`. `v2`: the KServe v2 / Open Inference Protocol REST shape. */
export type EndpointProtocol = 'json' | 'v2';

export interface EndpointOptions {
  /** The full inference URL, e.g. `http://model:8080/predict` or `http://model:8080/v2/models/credit/infer`. */
  readonly url: string;
  readonly protocol?: EndpointProtocol;
  /** Feature names, in the order of each instance's values. */
  readonly features: readonly string[];
  /** json: each instance as an array of values (default) or as an object keyed by feature name. */
  readonly instanceFormat?: 'array' | 'object';
  /** v2: one [N, F] tensor (default; numbers only) or one [N] tensor per feature named after it (numbers or BYTES). */
  readonly v2Layout?: 'matrix' | 'columns';
  /** v2 matrix layout: the input tensor's name; default `input-0`. */
  readonly inputName?: string;
  /** v2 matrix layout: FP64 (default) or FP32. */
  readonly datatype?: 'FP64' | 'FP32';
  /** v2: the output tensor to read; default the first output. */
  readonly outputName?: string;
  /** When each prediction is a vector (e.g. predict_proba's [P(0), P(1)]): the element to use. */
  readonly outputIndex?: number;
  /** Rows per request; default 256. */
  readonly batchSize?: number;
  /** Requests in flight at once; default 4. */
  readonly concurrency?: number;
  /** Per-request timeout, including reading the answer; default 10,000 ms. */
  readonly timeoutMs?: number;
  /** Retries after a network error, a timeout or a 5xx answer (never after a 4xx); default 3. */
  readonly retries?: number;
  /** Back-off before retry i (0-based): min(maxBackoffMs, backoffMs · 2^i) · (0.5 + 0.5·u), u seeded; default 100 ms. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Seed of the back-off jitter; default 0. */
  readonly seed?: number;
  /** Extra request headers (e.g. Authorization); never written into errors or reports. User and password in the URL become a Basic Authorization header. */
  readonly headers?: Readonly<Record<string, string>>;
}

export type ResolvedEndpointOptions = Required<Omit<EndpointOptions, 'outputName' | 'outputIndex'>> &
  Pick<EndpointOptions, 'outputName' | 'outputIndex'>;

const integer = (name: string, value: number, min: number): number => {
  if (!Number.isInteger(value) || value < min) {
    fail('EXPLAIN_INVALID_OPTION', `endpoint option ${name} must be an integer ≥ ${min}, got ${value}`, { expected: `an integer ≥ ${min}` });
  }
  return value;
};

/** Checks every option and fills in the defaults; a bad option is EXPLAIN_INVALID_OPTION naming it. */
export function resolveEndpointOptions(options: EndpointOptions): ResolvedEndpointOptions {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    fail('EXPLAIN_INVALID_OPTION', `endpoint URL ${JSON.stringify(options.url)} is not a URL`, { expected: 'an http:// or https:// URL' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail('EXPLAIN_INVALID_OPTION', `endpoint URL scheme ${url.protocol} is not supported`, { expected: 'an http:// or https:// URL' });
  }
  if (options.features.length === 0) fail('EXPLAIN_NO_FEATURES', 'the endpoint needs at least one feature to send');
  if (options.outputIndex !== undefined) integer('outputIndex', options.outputIndex, 0);
  // fetch refuses URLs with credentials: move them into a Basic Authorization header (RFC 7617).
  let headers = options.headers ?? {};
  if (url.username !== '' || url.password !== '') {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    headers = { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, ...headers };
    url.username = '';
    url.password = '';
  }
  return {
    url: url.href,
    protocol: options.protocol ?? 'json',
    features: options.features,
    instanceFormat: options.instanceFormat ?? 'array',
    v2Layout: options.v2Layout ?? 'matrix',
    inputName: options.inputName ?? 'input-0',
    datatype: options.datatype ?? 'FP64',
    ...(options.outputName === undefined ? {} : { outputName: options.outputName }),
    ...(options.outputIndex === undefined ? {} : { outputIndex: options.outputIndex }),
    batchSize: integer('batchSize', options.batchSize ?? 256, 1),
    concurrency: integer('concurrency', options.concurrency ?? 4, 1),
    timeoutMs: integer('timeoutMs', options.timeoutMs ?? 10_000, 1),
    retries: integer('retries', options.retries ?? 3, 0),
    backoffMs: integer('backoffMs', options.backoffMs ?? 100, 0),
    maxBackoffMs: integer('maxBackoffMs', options.maxBackoffMs ?? 5_000, 0),
    seed: options.seed ?? 0,
    headers,
  };
}

/** The URL as errors may show it: no user or password, no query values (tokens often travel there). */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const query = url.search === '' ? '' : `?${[...url.searchParams.keys()].map((key) => `${key}=…`).join('&')}`;
    return `${url.protocol}//${url.host}${url.pathname}${query}`;
  } catch {
    return '(invalid URL)';
  }
}
