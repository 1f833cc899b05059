import type { Finding, Location, WaiverRef } from '../../core/index.ts';
import type { PolicyRule, Waiver } from '../types.ts';

/** The last instant a waiver covers: a date-only `expires` runs through the end of that day, UTC. */
export function expiresAt(expires: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T23:59:59.999Z`) : Date.parse(expires);
}

export function isActive(waiver: Waiver, now: Date): boolean {
  return now.getTime() <= expiresAt(waiver.expires);
}

/**
 * Applies the waivers of this policy's model. An active waiver turns a failed or warned finding of its rule into
 * `waived` (value and evidence kept, the waiver attached). An expired waiver is itself a failure — unless an active
 * waiver for the same rule has replaced it — so stale exceptions cannot linger. A waiver naming a rule the policy does
 * not have is a warning (usually a renamed rule). Waivers of other models are ignored; with no model, none apply.
 */
export function applyWaivers(
  findings: readonly Finding[],
  rules: readonly PolicyRule[],
  waivers: readonly Waiver[],
  model: string | undefined,
  now: Date,
  policyLocation: Location,
): Finding[] {
  const mine = model === undefined ? [] : waivers.filter((waiver) => waiver.model === model);
  const active = mine.filter((waiver) => isActive(waiver, now));
  const out = findings.map((finding) => {
    if (finding.status !== 'fail' && finding.status !== 'warn') return finding;
    const waiver = latest(active.filter((candidate) => candidate.rule === finding.ruleId));
    return waiver === undefined ? finding : { ...finding, status: 'waived' as const, waiver: refOf(waiver) };
  });
  const ruleIds = new Set(rules.map((rule) => rule.id));
  for (const waiver of mine) {
    const location = waiver.location ?? policyLocation;
    if (!ruleIds.has(waiver.rule)) {
      out.push({
        ruleId: `waiver:${waiver.rule}`,
        kind: 'waiver',
        severity: 'warn',
        status: 'warn',
        message: `waiver ${waiver.ticket} (owner ${waiver.owner}) names rule "${waiver.rule}", which this policy does not have`,
        evidence: { rules: [...ruleIds] },
        location,
        waiver: refOf(waiver),
      });
    } else if (!isActive(waiver, now) && !active.some((other) => other.rule === waiver.rule)) {
      out.push({
        ruleId: `waiver:${waiver.rule}`,
        kind: 'waiver',
        severity: 'error',
        status: 'fail',
        message: `waiver ${waiver.ticket} for rule ${waiver.rule} expired on ${waiver.expires}; its owner ${waiver.owner} must renew or remove it`,
        evidence: { expired: waiver.expires, now: now.toISOString() },
        location,
        waiver: refOf(waiver),
      });
    }
  }
  return out;
}

function latest(waivers: readonly Waiver[]): Waiver | undefined {
  let best: Waiver | undefined;
  for (const waiver of waivers) if (best === undefined || expiresAt(waiver.expires) > expiresAt(best.expires)) best = waiver;
  return best;
}

/** The waiver as recorded in a finding: its fields, without where it was written. */
function refOf(waiver: Waiver): WaiverRef {
  const { rule, model, owner, approver, ticket, justification, expires } = waiver;
  return { rule, model, owner, approver, ticket, justification, expires };
}
