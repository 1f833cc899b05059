import type { Digest, WaiverRef } from '../../core/index.ts';
import { expiresAt } from '../../policy/index.ts';
import type { RecordedEvent } from '../ledger/types.ts';

export interface LiveDeployment {
  readonly environment: string;
  readonly model: string;
  readonly version: string;
  /** When this version went live there, and the event that says so. */
  readonly since: string;
  readonly index: number;
}

export interface PublishedPolicy {
  readonly name: string;
  readonly digest: Digest;
  readonly since: string;
  readonly index: number;
}

export interface WaiverInForce extends WaiverRef {
  readonly recordedAt: string;
  readonly index: number;
}

/** The registry as it stood at one instant. */
export interface StateAt {
  readonly at: string;
  /** How many events were recorded at or before `at`. */
  readonly events: number;
  /** One per (environment, model), sorted by environment then model. */
  readonly deployments: readonly LiveDeployment[];
  /** The latest published version of each policy name, sorted by name. */
  readonly policies: readonly PublishedPolicy[];
  /** Recorded at or before `at` and not yet expired at `at`, sorted by model, rule, ticket. */
  readonly waivers: readonly WaiverInForce[];
}

/**
 * `steward state --at`: point-in-time reconstruction by replaying every event recorded at or before `at` in time
 * order (`recordedAt`, then log index, since a record may be back-dated with --at). A later deployment of a model to
 * an environment replaces the earlier one there; a later publication of a policy name replaces the earlier one; a
 * waiver is in force from its record until its expiry (a date-only expiry runs through that day, UTC, as in checks).
 */
export function stateAt(events: readonly RecordedEvent[], at: Date): StateAt {
  const instant = at.getTime();
  const replay = events
    .filter(({ event }) => Date.parse(event.recordedAt) <= instant)
    .sort((a, b) => Date.parse(a.event.recordedAt) - Date.parse(b.event.recordedAt) || a.index - b.index);
  const deployments = new Map<string, LiveDeployment>();
  const policies = new Map<string, PublishedPolicy>();
  const waivers: WaiverInForce[] = [];
  for (const { event, index } of replay) {
    if (event.type === 'deployment') {
      const { environment, model, version } = event;
      deployments.set(JSON.stringify([environment, model]), { environment, model, version, since: event.recordedAt, index });
    } else if (event.type === 'policy') {
      policies.set(event.name, { name: event.name, digest: event.digest, since: event.recordedAt, index });
    } else if (event.type === 'waiver' && expiresAt(event.expires) >= instant) {
      const { rule, model, owner, approver, ticket, justification, expires } = event;
      waivers.push({ rule, model, owner, approver, ticket, justification, expires, recordedAt: event.recordedAt, index });
    }
  }
  return {
    at: at.toISOString(),
    events: replay.length,
    deployments: [...deployments.values()].sort((a, b) => compare(a.environment, b.environment) || compare(a.model, b.model)),
    policies: [...policies.values()].sort((a, b) => compare(a.name, b.name)),
    waivers: waivers.sort((a, b) => compare(a.model, b.model) || compare(a.rule, b.rule) || compare(a.ticket, b.ticket)),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
