import type { Finding, RuleKind, Verdict } from '../core/index.ts';
import { detailLines, waiverLine } from './finding-details.ts';
import { findingName, modelLabel } from './findings.ts';
import type { RenderOptions } from './options.ts';
import { xmlAttributes, xmlText } from './xml.ts';

/**
 * Apache Ant JUnit XML, the dialect GitLab, Jenkins, Azure DevOps and the GitHub test-report actions read.
 *
 * One <testsuite> per rule kind, one <testcase> per finding named `rule-id [group]`. Mapping of statuses:
 * - fail → <failure type="rule-id"> with the evidence as body: it fails the CI test report as it fails the gate;
 * - warn and insufficient_evidence → <skipped message="warn: …">: CI tools list skipped tests separately and show
 *   their message, so both stay visible without reading as failures (a passing testcase would hide them);
 * - waived → a passing testcase; the waiver (ticket, approver, expiry, justification) goes to the suite's
 *   <system-out>, since Ant's schema allows no output or properties per testcase;
 * - pass → an empty passing testcase.
 * The schema requires a timestamp and hostname: the timestamp is options.generatedAt (the epoch if absent, so the
 * report is deterministic), the hostname `localhost` (a report says nothing about the machine it was made on).
 */
export function renderJunit(verdict: Verdict, options: RenderOptions): string {
  const timestamp = (options.generatedAt ?? new Date(0)).toISOString().slice(0, 19);
  const kinds = kindOrder.filter((kind) => verdict.findings.some((finding) => finding.kind === kind));
  const suites = kinds.map((kind, id) =>
    suite(
      verdict,
      kind,
      verdict.findings.filter((finding) => finding.kind === kind),
      id,
      timestamp,
    ),
  );
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', ...suites, '</testsuites>', ''].join('\n');
}

const kindOrder: readonly RuleKind[] = [
  'metric', 'disparity', 'baseline', 'documentation', 'expression', 'proxy',
  'schema', 'representation', 'label_balance', 'missingness', 'leakage', 'duplicates', 'personal_data', 'previous_version',
  'drift', 'waiver',
];

function suite(verdict: Verdict, kind: RuleKind, findings: readonly Finding[], id: number, timestamp: string): string {
  const count = (test: (finding: Finding) => boolean): string => String(findings.filter(test).length);
  const attributes = xmlAttributes([
    ['name', `${verdict.policy.name}: ${kind} rules`],
    ['package', `steward.${verdict.policy.name}`],
    ['id', String(id)],
    ['timestamp', timestamp],
    ['hostname', 'localhost'],
    ['tests', String(findings.length)],
    ['failures', count((finding) => finding.status === 'fail')],
    ['errors', '0'],
    ['skipped', count((finding) => finding.status === 'warn' || finding.status === 'insufficient_evidence')],
    ['time', '0'],
  ]);
  const waivers = findings.flatMap((finding) => {
    const line = waiverLine(finding);
    return line === undefined ? [] : [`${findingName(finding)}: ${line}`];
  });
  return [
    `  <testsuite${attributes}>`,
    '    <properties>',
    ...properties(verdict).map(([name, value]) => `      <property${xmlAttributes([['name', name], ['value', value]])}/>`),
    '    </properties>',
    ...findings.map((finding) => testcase(verdict, kind, finding)),
    `    <system-out>${xmlText(waivers.join('\n'))}</system-out>`,
    '    <system-err></system-err>',
    '  </testsuite>',
  ].join('\n');
}

function properties(verdict: Verdict): [string, string][] {
  const list: [string, string][] = [
    ['steward.outcome', verdict.outcome],
    ['steward.policy', verdict.policy.name],
    ['steward.policy.file', verdict.policy.file],
    ['steward.policy.digest', verdict.policy.digest],
    ['steward.verdict.digest', verdict.digest],
    ['steward.seed', String(verdict.seed)],
  ];
  const model = modelLabel(verdict);
  if (model !== '') list.push(['steward.model', model]);
  return list;
}

function testcase(verdict: Verdict, kind: RuleKind, finding: Finding): string {
  const open = `    <testcase${xmlAttributes([
    ['name', findingName(finding)],
    ['classname', `${verdict.policy.name}.${kind}`],
    ['time', '0'],
  ])}`;
  const body = xmlText([finding.message, ...detailLines(finding)].join('\n'));
  switch (finding.status) {
    case 'fail':
      return `${open}>\n      <failure${xmlAttributes([['type', finding.ruleId], ['message', finding.message]])}>${body}</failure>\n    </testcase>`;
    case 'warn':
    case 'insufficient_evidence': {
      const label = finding.status === 'warn' ? 'warn' : 'insufficient evidence';
      return `${open}>\n      <skipped${xmlAttributes([['message', `${label}: ${finding.message}`]])}>${body}</skipped>\n    </testcase>`;
    }
    case 'waived':
    case 'pass':
      return `${open}/>`;
  }
}
