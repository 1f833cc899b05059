import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { defined, fail, isErrorCode, StewardError, type CiContext, type Problem, type Verdict } from '../../core/index.ts';
import type { CheckRequest } from '../check-request.ts';
import { explainFilesOf } from './explain-files.ts';

/** Where the server is and how to prove who we are: STEWARD_URL and STEWARD_TOKEN for the CLI. */
export interface RemoteServer {
  readonly url: string;
  readonly token: string;
}

/**
 * `runCheck`, run by a Steward server: the same request in, the same verdict out (the server records the file
 * names as given here). It lives in app so that any shell can swap the local call for the remote one; it uses only
 * fetch and the file system. Server errors come back as the StewardError the server raised (same code, message and
 * location), so the CLI reports them and picks its exit code exactly as for a local check.
 */
export async function remoteCheck(server: RemoteServer, request: CheckRequest): Promise<Verdict> {
  return (await call(server, 'POST', '/v1/check', await checkForm(request))) as Verdict;
}

/** What the server appended for `steward check --record`: the verdict's event index and the record's warnings. */
export interface RemoteRecorded {
  readonly index: number;
  readonly warnings: readonly string[];
}

/**
 * `steward check --record` on a server: the server runs the check and appends the verdict it computed itself (a client
 * cannot hand it a verdict to sign into the log). The event index and warnings come back in response headers, so the
 * body stays the verdict a plain check answers.
 */
export async function remoteCheckAndRecord(server: RemoteServer, request: CheckRequest, context: { readonly ci?: CiContext }): Promise<{ verdict: Verdict; recorded: RemoteRecorded }> {
  const form = await checkForm(request, { record: true, ...(context.ci === undefined ? {} : { ci: context.ci }) });
  const { parsed, headers } = await callWithHeaders(server, 'POST', '/v1/check', form);
  const index = Number(headers.get('steward-event-index'));
  if (!Number.isSafeInteger(index)) fail('SERVER_UNREACHABLE', `${server.url} ran the check but did not say where it recorded the verdict`);
  const warnings = JSON.parse(decodeURIComponent(headers.get('steward-record-warnings') ?? '%5B%5D')) as string[];
  return { verdict: parsed as Verdict, recorded: { index, warnings } };
}

async function checkForm(request: CheckRequest, extra: Record<string, unknown> = {}): Promise<FormData> {
  const form = new FormData();
  const attach = async (field: string, path: string | undefined): Promise<void> => {
    if (path === undefined) return;
    let blob: Blob;
    try {
      blob = await openAsBlob(path); // throws synchronously (a TypeError) when the file cannot be opened
    } catch {
      fail('INPUT_FILE_NOT_FOUND', `cannot read ${path}`, { location: { file: path }, expected: 'a readable file' });
    }
    // The file name carries the path as the user gave it: the verdict records it, as a local check would.
    form.append(field, blob, path);
  };
  await attach('policy', request.policyFile);
  await attach('data', request.dataFile);
  await attach('baseline', request.baselineFile);
  await attach('modelCard', request.modelCardFile);
  await attach('waivers', request.waiversFile);
  // The explain files the check will read, named on the command line or in the policy, go as files too: the server
  // sees only uploads, and reads them as the overrides they now are (same names, same bytes, same verdict).
  const files = await explainFilesOf(request);
  await attach('attributions', files.attributionsFile);
  await attach('importanceBaseline', files.importanceBaselineFile);
  const { policyFile: _p, dataFile: _d, baselineFile: _b, modelCardFile: _m, waiversFile: _w, onProgress: _o, datasetVersions: _v, guardEndpoint: _g, explain, now, ...rest } = request;
  const endpoint = defined({ endpoint: explain?.endpoint, endpointProtocol: explain?.endpointProtocol });
  form.append('options', JSON.stringify({ ...rest, ...(Object.keys(endpoint).length === 0 ? {} : { explain: endpoint }), now: now.toISOString(), ...extra }));
  return form;
}

/** One authenticated request; a coded error body becomes the StewardError it describes. JSON in, JSON out. */
export async function call(server: RemoteServer, method: string, path: string, body?: FormData | object): Promise<unknown> {
  return (await callWithHeaders(server, method, path, body)).parsed;
}

async function callWithHeaders(server: RemoteServer, method: string, path: string, body?: FormData | object): Promise<{ parsed: unknown; headers: Headers }> {
  const { url, response, text } = await send(server, method, path, body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail('SERVER_UNREACHABLE', `${url.origin} answered ${method} ${path} with status ${response.status} and a body that is not JSON`, {
      hint: `is ${basename(url.origin)} a Steward server?`,
    });
  }
  if (response.ok) return { parsed, headers: response.headers };
  throw problemOf(parsed, url, method, path, response.status);
}

/** A request whose successful answer is text (the NDJSON bundle of GET /v1/export); errors are coded as in call(). */
export async function callText(server: RemoteServer, method: string, path: string): Promise<string> {
  const { url, response, text } = await send(server, method, path);
  if (response.ok) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  throw problemOf(parsed, url, method, path, response.status);
}

async function send(server: RemoteServer, method: string, path: string, body?: FormData | object): Promise<{ url: URL; response: Response; text: string }> {
  const url = new URL(path.replace(/^\//, ''), server.url.endsWith('/') ? server.url : `${server.url}/`);
  const headers: Record<string, string> = { authorization: `Bearer ${server.token}` };
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    fail('SERVER_UNREACHABLE', `cannot reach the Steward server at ${url.origin}: ${cause}`, { hint: 'check STEWARD_URL' });
  }
  return { url, response, text: await response.text() };
}

function problemOf(parsed: unknown, url: URL, method: string, path: string, status: number): StewardError {
  const problem = (parsed as { error?: Partial<Problem> & { requestId?: string; field?: string } } | undefined)?.error;
  if (problem === undefined || typeof problem.code !== 'string' || !isErrorCode(problem.code) || typeof problem.message !== 'string') {
    return new StewardError({ code: 'SERVER_UNREACHABLE', message: `${url.origin} answered ${method} ${path} with status ${status} and no Steward error` });
  }
  // `field` is for API callers; the problem itself is what the app raised, so the CLI prints what a local run prints.
  const { requestId: _id, field: _field, ...rest } = problem;
  return new StewardError({ ...rest, code: problem.code, message: problem.message });
}
