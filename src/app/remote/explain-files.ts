import { isStewardError } from '../../core/index.ts';
import { loadPolicy, type Policy } from '../../policy/index.ts';
import type { CheckRequest } from '../check-request.ts';
import { explainFiles } from '../explain/check-explain.ts';

/**
 * The attributions and importance baseline files of a check: the request's, else those the policy's explain: names.
 * The client uploads these; the server asks which files an uploaded policy names, to refuse reading them from its
 * own disk. A policy that does not load is left for runCheck to report (its error names the file as a local run does).
 */
export async function explainFilesOf(request: Pick<CheckRequest, 'policyFile' | 'explain'>): Promise<{ attributionsFile?: string; importanceBaselineFile?: string }> {
  const overrides = request.explain ?? {};
  if (overrides.attributionsFile !== undefined && overrides.importanceBaselineFile !== undefined) return overrides;
  let policy: Policy;
  try {
    policy = await loadPolicy(request.policyFile);
  } catch (error) {
    if (isStewardError(error)) return overrides;
    throw error;
  }
  return explainFiles(policy, overrides);
}

