import type { Verdict, VerdictEvent } from '../../core/index.ts';
import { versionKey } from '../lineage/catalog.ts';
import type { Ledger } from '../ledger/types.ts';
import { appendOne, eventBase, readCatalog, type RecordContext, type RecordResult } from './context.ts';

/**
 * The ledger form of a verdict: its digests (policy, every input, the whole verdict), outcome, summary and one
 * compact line per finding. The full report stays outside the ledger; `verdictDigest` ties it to this event.
 */
export function verdictEvent(verdict: Verdict, context: RecordContext): VerdictEvent {
  return {
    ...eventBase(context),
    type: 'verdict',
    ...(verdict.model === undefined ? {} : { model: verdict.model.name }),
    ...(verdict.model?.version === undefined ? {} : { version: verdict.model.version }),
    policy: { name: verdict.policy.name, digest: verdict.policy.digest },
    inputs: verdict.inputs.map((input) => ({ ...input })),
    outcome: verdict.outcome,
    summary: { ...verdict.summary },
    verdictDigest: verdict.digest,
    findings: verdict.findings.map((finding) => ({
      ruleId: finding.ruleId,
      status: finding.status,
      ...(finding.metric === undefined ? {} : { metric: finding.metric }),
      ...(finding.group === undefined ? {} : { group: finding.group }),
      ...(finding.value === undefined ? {} : { value: finding.value }),
    })),
  };
}

/**
 * `steward check --record`: appends the verdict of a check that ran (pass or fail). A model version that was never
 * recorded is a warning, not an error: teams adopt the gate before they record versions, and refusing the record
 * would lose the evidence of the check that did run.
 */
export async function recordVerdict(ledger: Ledger, verdict: Verdict, context: RecordContext): Promise<RecordResult<VerdictEvent>> {
  const warnings: string[] = [];
  const model = verdict.model;
  if (model?.version !== undefined) {
    const catalog = await readCatalog(ledger);
    if (!catalog.versions.has(versionKey(model.name, model.version))) {
      warnings.push(`${model.name}@${model.version} was never recorded; the verdict is recorded without a version to link to (steward record version ${model.name}@${model.version} --artifact <path>)`);
    }
  }
  return appendOne(ledger, verdictEvent(verdict, context), warnings);
}
