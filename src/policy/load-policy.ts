import { readFile } from 'node:fs/promises';
import { fail, isStewardError, StewardError, type Problem } from '../core/index.ts';
import { analyzePolicy } from './analyze-policy.ts';
import type { Policy } from './types.ts';

/** Reads a file the user named; a missing or unreadable file is a coded, located problem. */
export async function readUserFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') fail('INPUT_FILE_NOT_FOUND', `${file} does not exist`, { location: { file } });
    fail('INPUT_FILE_UNREADABLE', `${file} cannot be read (${String(code ?? error)})`, { location: { file } });
  }
}

/** Loads and validates a policy; the first problem is thrown as a StewardError naming its line and column. */
export async function loadPolicy(file: string): Promise<Policy> {
  const { policy, problems } = analyzePolicy(file, await readUserFile(file));
  const first = problems[0];
  if (first !== undefined) throw new StewardError(first);
  if (policy === undefined) fail('INTERNAL_INVARIANT', `policy ${file} has neither problems nor a value`);
  return policy;
}

/** Every problem of a policy file, for `steward policy validate`; an empty list means the policy is valid. */
export async function validatePolicyFile(file: string): Promise<Problem[]> {
  try {
    return analyzePolicy(file, await readUserFile(file)).problems;
  } catch (error) {
    if (isStewardError(error)) return [error.problem];
    throw error;
  }
}
