import type { Problem } from '../core/index.ts';
import { runPolicyTests, validatePolicyFile, type PolicyTestReport } from '../policy/index.ts';

export type { PolicyTestReport } from '../policy/index.ts';

/** `steward policy validate`: every problem of every file, collected rather than stopping at the first. */
export async function validatePolicies(files: readonly string[]): Promise<{ file: string; problems: Problem[] }[]> {
  return Promise.all(files.map(async (file) => ({ file, problems: await validatePolicyFile(file) })));
}

/** `steward policy test`: fixture metrics in, expected findings out. */
export function testPolicy(policyFile: string, testFile: string): Promise<PolicyTestReport> {
  return runPolicyTests(policyFile, testFile);
}
