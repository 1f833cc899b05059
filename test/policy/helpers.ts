import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { isStewardError, type ErrorCode, type Problem } from '../../src/core/index.ts';
import { analyzePolicy } from '../../src/policy/analyze-policy.ts';
import type { Policy } from '../../src/policy/types.ts';

const dir = await mkdtemp(join(tmpdir(), 'steward-policy-test-'));
let counter = 0;

/** Writes `text` to a fresh temporary file and returns its path. */
export async function tempFile(text: string, extension = '.yaml'): Promise<string> {
  counter += 1;
  const file = join(dir, `file-${counter}${extension}`);
  await writeFile(file, text);
  return file;
}

/** Joins lines, so tests can state exact line numbers of what they write. */
export function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

export const header = ['apiVersion: steward/v1', 'kind: Policy', 'metadata: { name: test-policy }'];

/** Analyzes policy text in memory under the file name `policy.yaml`. */
export function analyze(text: string): { policy?: Policy; problems: Problem[] } {
  return analyzePolicy('policy.yaml', new TextEncoder().encode(text));
}

/** The policy of `text`, which must be valid. */
export function policyOf(text: string): Policy {
  const { policy, problems } = analyze(text);
  assert.deepEqual(problems, []);
  assert.ok(policy);
  return policy;
}

/** Asserts exactly one problem with this code at line:column and returns it. */
export function onlyProblem(text: string, code: ErrorCode, line: number, column: number): Problem {
  const { problems } = analyze(text);
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems, null, 1)}`);
  const [problem] = problems;
  assert.ok(problem);
  assert.equal(problem.code, code);
  assert.equal(problem.location?.line, line, `line of ${problem.message}`);
  assert.equal(problem.location?.column, column, `column of ${problem.message}`);
  return problem;
}

/** Asserts that `promise` rejects with a StewardError of `code` and returns its problem. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<Problem> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isStewardError(error), `expected a StewardError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error.problem;
  }
  assert.fail(`expected ${code}, but nothing was thrown`);
}
