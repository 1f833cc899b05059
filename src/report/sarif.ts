import { sha256Hex, type Finding, type FindingStatus, type Interval, type Severity, type Verdict } from '../core/index.ts';
import { detailLines } from './finding-details.ts';
import { findingScope } from './findings.ts';
import { formatBound } from './format-number.ts';
import type { RenderOptions } from './options.ts';
import { pathToUriReference } from './uri.ts';

type Level = 'error' | 'warning' | 'note';

const levelOfSeverity: Readonly<Record<Severity, Level>> = { error: 'error', warn: 'warning', info: 'note' };

/** Passes are left out: GitHub code scanning lists every result as an alert, and a pass is not one. */
const levelOfStatus: Readonly<Record<Exclude<FindingStatus, 'pass'>, Level>> = {
  fail: 'error',
  warn: 'warning',
  insufficient_evidence: 'note',
  waived: 'error',
};

/**
 * SARIF 2.1.0 for code scanning: one reportingDescriptor per policy rule (every rule checked, passes included, so
 * the tool's rule list is complete), one result per finding that is not a pass, located at the rule in the policy
 * file. A waived finding keeps its level and carries an accepted external suppression with the waiver's
 * justification, so viewers show it as dismissed rather than dropping it. partialFingerprints hash what identifies a
 * finding across runs (rule, group, grouping, metric) and not its value, so a worsening number stays one alert.
 */
export function renderSarif(verdict: Verdict, options: RenderOptions): string {
  const rules = ruleDescriptors(verdict.findings);
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const results = verdict.findings
    .filter((finding) => finding.status !== 'pass')
    .map((finding) => result(verdict, finding, index.get(finding.ruleId) ?? 0, options));
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'steward', version: verdict.tool.version, rules } },
        automationDetails: { id: `steward/${verdict.policy.name}/` },
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          outcome: verdict.outcome,
          summary: {
            fail: verdict.summary.fail,
            warn: verdict.summary.warn,
            insufficient_evidence: verdict.summary.insufficient_evidence,
            waived: verdict.summary.waived,
            pass: verdict.summary.pass,
          },
          policyDigest: verdict.policy.digest,
          verdictDigest: verdict.digest,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

interface RuleDescriptor {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly defaultConfiguration: { readonly level: Level };
  readonly properties: { readonly kind: string; readonly tags: readonly string[] };
}

function ruleDescriptors(findings: readonly Finding[]): RuleDescriptor[] {
  const rules = new Map<string, RuleDescriptor>();
  for (const finding of findings) {
    if (rules.has(finding.ruleId)) continue;
    const bound = formatBound(finding.bound);
    const subject = finding.metric === undefined ? `${finding.kind} rule` : `${finding.kind} rule on ${finding.metric}`;
    const grouping = finding.grouping === undefined || finding.grouping.length === 0 ? '' : ` per ${finding.grouping.join('&')}`;
    rules.set(finding.ruleId, {
      id: finding.ruleId,
      shortDescription: { text: `${subject}${grouping}${bound === '' ? '' : `, ${bound}`}` },
      defaultConfiguration: { level: levelOfSeverity[finding.severity] },
      properties: { kind: finding.kind, tags: ['steward', finding.kind] },
    });
  }
  return [...rules.values()];
}

function result(verdict: Verdict, finding: Finding, ruleIndex: number, options: RenderOptions): object {
  const status = finding.status as Exclude<FindingStatus, 'pass'>;
  const file = finding.location.file !== undefined && finding.location.file !== verdict.policy.file
    ? finding.location.file
    : (options.policyFile ?? verdict.policy.file);
  const region: Record<string, number> = {};
  if (finding.location.line !== undefined) region['startLine'] = finding.location.line;
  if (finding.location.line !== undefined && finding.location.column !== undefined) {
    region['startColumn'] = finding.location.column;
  }
  const physicalLocation = {
    artifactLocation: { uri: pathToUriReference(file) },
    ...(Object.keys(region).length > 0 ? { region } : {}),
  };
  const identity = [finding.ruleId, findingScope(finding), (finding.grouping ?? []).join('&'), finding.metric ?? ''];
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: levelOfStatus[status],
    message: { text: [finding.message, ...detailLines(finding)].join('\n') },
    locations: [{ physicalLocation }],
    partialFingerprints: { 'stewardFinding/v1': sha256Hex(identity.join('\u0000')) },
    ...(finding.status === 'waived' ? { suppressions: [suppression(finding)] } : {}),
    properties: {
      status: finding.status,
      ...(finding.group === undefined ? {} : { group: finding.group }),
      ...(finding.value === undefined ? {} : { value: finding.value }),
      ...(finding.bound === undefined ? {} : { bound: { min: finding.bound.min, max: finding.bound.max } }),
      ...(finding.interval === undefined ? {} : { interval: intervalProperty(finding.interval) }),
      ...(finding.n === undefined ? {} : { n: finding.n }),
    },
  };
}

/** The waiver as SARIF sees it: an accepted suppression decided outside the tool. */
function suppression(finding: Finding): object {
  const waiver = finding.waiver;
  const justification =
    waiver === undefined
      ? 'waived'
      : `${waiver.justification} (${waiver.ticket}, owner ${waiver.owner}, approved by ${waiver.approver}, until ${waiver.expires})`;
  return { kind: 'external', status: 'accepted', justification };
}

/** Members listed one by one (here and above), so the log's bytes do not depend on how the verdict was built. */
function intervalProperty(interval: Interval): object {
  return { low: interval.low, high: interval.high, level: interval.level, method: interval.method };
}
