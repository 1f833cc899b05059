import { fail, isStewardError, StewardError, type Finding, type FindingStatus, type Problem } from '../core/index.ts';
import { evaluatePolicy } from './evaluate-policy.ts';
import { sectionFromFixture } from './fixtures.ts';
import { datasetFromFixture } from './fixtures-data.ts';
import { loadPolicy, readUserFile } from './load-policy.ts';
import { policyTestFileSchema } from './schema-policy-test.ts';
import type { Policy } from './types.ts';
import { issuesToProblems } from './zod-issues.ts';
import { parseYaml, type YamlSource } from './yaml-source.ts';

export interface PolicyTestCaseResult {
  readonly name: string;
  readonly passed: boolean;
  /** One POLICY_TEST_FAILED problem per expectation that did not hold, located at its `expect:` entry. */
  readonly mismatches: readonly Problem[];
  readonly findings: readonly Finding[];
}

export interface PolicyTestReport {
  readonly policy: { readonly name: string; readonly file: string };
  readonly file: string;
  readonly cases: readonly PolicyTestCaseResult[];
  readonly passed: number;
  readonly failed: number;
}

/** Cases without `now` run at this instant, so a test never depends on the clock. */
export const defaultTestNow = new Date('1970-01-01T00:00:00Z');

/**
 * `steward policy test`: evaluates the policy on each case's hand-written metrics and compares the findings with the
 * case's `expect:` map, like `opa test`. A mismatch is a result, not an exception; a malformed test file throws.
 */
export async function runPolicyTests(policyFile: string, testFile: string): Promise<PolicyTestReport> {
  const policy = await loadPolicy(policyFile);
  const source = parseYaml(testFile, new TextDecoder('utf-8').decode(await readUserFile(testFile)));
  const parsed = policyTestFileSchema.safeParse(source.value ?? {});
  if (!parsed.success) {
    const first = issuesToProblems(parsed.error.issues, source, policyTestFileSchema)[0];
    if (first !== undefined) throw new StewardError(first);
  }
  const cases = (parsed.data?.cases ?? []).map((testCase, index) => runCase(policy, source, index, testCase));
  const passed = cases.filter((result) => result.passed).length;
  return { policy: { name: policy.name, file: policyFile }, file: testFile, cases, passed, failed: cases.length - passed };
}

type Case = NonNullable<ReturnType<typeof policyTestFileSchema.safeParse>['data']>['cases'][number];

function runCase(policy: Policy, source: YamlSource, index: number, testCase: Case): PolicyTestCaseResult {
  const at = (path: readonly (string | number)[]) => source.at(['cases', index, ...path]);
  let findings: Finding[];
  try {
    const metrics = sectionFromFixture(testCase.metrics);
    if (testCase.dataset !== undefined && policy.dataset === undefined) {
      fail('POLICY_INVALID_FIELD', `policy ${policy.name} checks predictions; "dataset" applies to cases of a dataset policy (data.task: dataset)`, { expected: 'no dataset: member' });
    }
    findings = evaluatePolicy(policy, {
      metrics,
      ...(testCase.dataset === undefined || policy.dataset === undefined ? {} : { dataset: datasetFromFixture(testCase.dataset, metrics, policy.dataset, source.file) }),
      ...(testCase.baseline === undefined ? {} : { baseline: sectionFromFixture(testCase.baseline) }),
      ...(testCase.model_card === undefined ? {} : { modelCard: testCase.model_card }),
      waivers: (testCase.waivers ?? []).map((waiver, w) => ({ ...waiver, location: at(['waivers', w]) })),
      now: testCase.now === undefined ? defaultTestNow : new Date(testCase.now.length === 10 ? `${testCase.now}T00:00:00Z` : testCase.now),
    });
  } catch (error) {
    if (!isStewardError(error)) throw error;
    const problem: Problem = { ...error.problem, message: `case "${testCase.name}": ${error.problem.message}`, location: at([]) };
    return { name: testCase.name, passed: false, mismatches: [problem], findings: [] };
  }
  const mismatches: Problem[] = [];
  for (const [key, expected] of Object.entries(testCase.expect)) {
    const actual = statusFor(findings, key);
    if (actual === expected) continue;
    const detail = actual === undefined ? 'no finding matches it' : `got ${actual}`;
    const message = findings.find((finding) => selects(finding, key) && finding.status === actual)?.message;
    mismatches.push({
      code: 'POLICY_TEST_FAILED',
      message: `case "${testCase.name}": ${key} expected ${expected}, ${detail}${message === undefined ? '' : ` — ${message}`}`,
      location: source.keyAt(['cases', index, 'expect'], key),
      expected,
    });
  }
  return { name: testCase.name, passed: mismatches.length === 0, mismatches, findings };
}

/** Worst first: a rule with several findings (per grouping, per group) is as bad as its worst one. */
const precedence: readonly FindingStatus[] = ['fail', 'warn', 'insufficient_evidence', 'waived', 'pass'];

/**
 * The status an `expect:` key observes. `rule` covers all findings of the rule; `rule@race=black` those of one group
 * and `rule@race` (or `rule@race&sex`) those of one grouping (its disparity and its groups). Undefined when no finding matches.
 */
export function statusFor(findings: readonly Finding[], key: string): FindingStatus | undefined {
  const statuses = new Set(findings.filter((finding) => selects(finding, key)).map((finding) => finding.status));
  return precedence.find((status) => statuses.has(status));
}

function selects(finding: Finding, key: string): boolean {
  const at = key.indexOf('@');
  if (at < 0) return finding.ruleId === key;
  const selector = key.slice(at + 1);
  return finding.ruleId === key.slice(0, at) && (finding.group === selector || finding.grouping?.join('&') === selector);
}
