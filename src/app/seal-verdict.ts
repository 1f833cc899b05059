import { digestOfJson, type Finding, type Verdict, type VerdictSummary } from '../core/index.ts';
import { toolVersion } from './version.ts';

/** What a use case supplies; the rest of a verdict (schema, tool, summary, outcome, digest) is the same for all. */
export type VerdictParts = Omit<Verdict, 'schema' | 'tool' | 'summary' | 'outcome' | 'digest' | 'findings'>;

/**
 * Completes a verdict from its parts: the model check, the data check and the monitor run all go through here, so
 * every verdict has the same envelope and its digest is always the sha256 of its RFC 8785 form without `digest`.
 */
export function sealVerdict(
  parts: VerdictParts,
  findings: readonly Finding[],
  outcome: (findings: readonly Finding[]) => 'pass' | 'fail',
  summarize: (findings: readonly Finding[]) => VerdictSummary,
): Verdict {
  const body: Omit<Verdict, 'digest'> = {
    schema: 'steward.verdict/v1',
    tool: { name: 'steward', version: toolVersion },
    outcome: outcome(findings),
    summary: summarize(findings),
    ...parts,
    findings,
  };
  return { ...body, digest: digestOfJson(body) };
}
