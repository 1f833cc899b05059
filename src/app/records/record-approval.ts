import { fail, type ApprovalEvent, type CiContext } from '../../core/index.ts';
import { buildCatalog } from '../lineage/catalog.ts';
import type { Ledger, RecordedEvent } from '../ledger/types.ts';
import { appendOne, eventBase, readEvents, type RecordContext, type RecordResult } from './context.ts';
import { requireVersion } from './record-deployment.ts';
import { parseModelVersion } from './refs.ts';

export interface ApprovalRequest {
  /** `model@version`. */
  readonly ref: string;
  readonly decision: ApprovalEvent['decision'];
  /** Who decides: chosen by the shell (the CLI's --by, CI actor or OS user; the server's token name), never guessed here. */
  readonly approver: string;
  readonly comment: string;
  /** The log index of the verdict being approved. */
  readonly verdict?: number;
}

/**
 * `steward approve`: a human approves (or rejects) the promotion of a recorded version, with a comment and, when the
 * approval rests on a verdict, that verdict's log index. Everything is checked before the append, so a refused
 * approval leaves the log as it was. Approving a failed verdict is allowed (the approver overrides the gate, and the
 * log says so) but warned about.
 */
export async function recordApproval(ledger: Ledger, request: ApprovalRequest, context: RecordContext): Promise<RecordResult<ApprovalEvent>> {
  const { model, version } = parseModelVersion(request.ref);
  requireText(request.comment, 'comment', '--comment');
  requireText(request.approver, 'approver', '--by');
  const events = await readEvents(ledger);
  requireVersion(buildCatalog(events), model, version);
  const warnings: string[] = [];
  if (request.verdict !== undefined) {
    const outcome = requireVerdict(events, request.verdict, model, version);
    if (outcome === 'fail' && request.decision === 'approved') warnings.push(`verdict #${request.verdict} failed; this approval overrides the gate for ${model}@${version}`);
  }
  const event: ApprovalEvent = {
    ...eventBase(context),
    type: 'approval',
    model,
    version,
    decision: request.decision,
    approver: request.approver.trim(),
    comment: request.comment.trim(),
    ...(request.verdict === undefined ? {} : { verdict: request.verdict }),
  };
  return appendOne(ledger, event, warnings);
}

/**
 * Who approves when the CLI records locally: `--by` when given, else the CI actor (the person who started the
 * pipeline), else the operating-system user. Pure, so the CLI passes in what it read from its process.
 */
export function localApprover(by: string | undefined, ci: CiContext | undefined, osUser: string): string {
  return by ?? ci?.actor ?? osUser;
}

function requireText(value: string, field: string, flag: string): void {
  if (value.trim() !== '') return;
  fail('RECORD_EMPTY_FIELD', `the approval's ${field} (${flag}) is empty`, {
    expected: field === 'comment' ? 'a comment saying why, e.g. --comment "fairness gap waived by risk committee R-12"' : 'the name of the person who decides',
  });
}

/** RECORD_UNKNOWN_VERDICT unless event #index is a verdict of model@version; its outcome otherwise. */
function requireVerdict(events: readonly RecordedEvent[], index: number, model: string, version: string): 'pass' | 'fail' {
  const ref = `${model}@${version}`;
  const refuse = (what: string): never =>
    fail('RECORD_UNKNOWN_VERDICT', `verdict #${index} (--verdict) ${what}`, {
      expected: `the log index of a verdict of ${ref}`,
      hint: `list them: steward log --kind verdict --model ${model}`,
    });
  if (!Number.isSafeInteger(index) || index < 0) return refuse('is not a log index');
  const found = events[index];
  if (found?.index !== index) return refuse(`does not exist (the log has ${events.length} events)`);
  const { event } = found;
  if (event.type !== 'verdict') return refuse(`is ${/^[aeiou]/.test(event.type) ? 'an' : 'a'} ${event.type} event, not a verdict`);
  const about = event.model === undefined ? `a check of policy ${event.policy.name} with no model` : `a verdict of ${event.model}@${event.version ?? ''}`;
  if (event.model !== model || event.version !== version) return refuse(`is ${about}, not of ${ref}`);
  return event.outcome;
}
