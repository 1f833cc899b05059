import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { fail, isErrorCode, StewardError, type Problem, type Verdict } from '../../core/index.ts';
import type { CheckRequest } from '../check-request.ts';

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
  const { policyFile: _p, dataFile: _d, baselineFile: _b, modelCardFile: _m, waiversFile: _w, onProgress: _o, now, ...rest } = request;
  form.append('options', JSON.stringify({ ...rest, now: now.toISOString() }));
  return (await call(server, 'POST', '/v1/check', form)) as Verdict;
}

/** One authenticated request; a coded error body becomes the StewardError it describes. */
export async function call(server: RemoteServer, method: string, path: string, body?: FormData): Promise<unknown> {
  const url = new URL(path, server.url.endsWith('/') ? server.url : `${server.url}/`);
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { authorization: `Bearer ${server.token}` }, ...(body === undefined ? {} : { body }) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    fail('SERVER_UNREACHABLE', `cannot reach the Steward server at ${url.origin}: ${cause}`, { hint: 'check STEWARD_URL' });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail('SERVER_UNREACHABLE', `${url.origin} answered ${method} ${path} with status ${response.status} and a body that is not JSON`, {
      hint: `is ${basename(url.origin)} a Steward server?`,
    });
  }
  if (response.ok) return parsed;
  const problem = (parsed as { error?: Partial<Problem> & { requestId?: string } }).error;
  if (problem === undefined || typeof problem.code !== 'string' || !isErrorCode(problem.code) || typeof problem.message !== 'string') {
    fail('SERVER_UNREACHABLE', `${url.origin} answered ${method} ${path} with status ${response.status} and no Steward error`);
  }
  const { requestId: _id, ...rest } = problem;
  throw new StewardError({ ...rest, code: problem.code, message: problem.message });
}
