import { subjectOf, type LedgerEvent } from '../../core/index.ts';
import type { RecordedEvent } from '../ledger/types.ts';

/** A short digest for people: `sha256:1a2b3c4d5e6f`; the full digest is in `--format json`. */
export function shortDigest(digest: string): string {
  return digest.slice(0, 'sha256:'.length + 12);
}

/** One line about an event, for `steward log` and the lineage tree. */
export function describeEvent(event: LedgerEvent): string {
  switch (event.type) {
    case 'dataset':
      return `${shortDigest(event.digest)} ${event.bytes} bytes${event.rows === undefined ? '' : `, ${event.rows} rows`}${event.files === undefined ? '' : `, ${event.files} files`}`;
    case 'run':
      return `datasets ${event.datasets.map((dataset) => dataset.name).join(', ') || '-'}${event.code?.commit === undefined ? '' : `, commit ${event.code.commit}`}`;
    case 'version':
      return `artifact ${shortDigest(event.artifact.digest)}${event.run === undefined ? '' : `, run ${event.run}`}`;
    case 'deployment':
      return `→ ${event.environment}`;
    case 'policy':
      return shortDigest(event.digest);
    case 'verdict':
      return `${event.outcome.toUpperCase()} policy ${event.policy.name} (${event.summary.fail} fail, ${event.summary.warn} warn, ${event.summary.waived} waived)`;
    case 'approval':
      return `${event.decision} by ${event.approver}${event.verdict === undefined ? '' : ` (verdict #${event.verdict})`}: ${JSON.stringify(event.comment)}`;
    case 'waiver':
      return `ticket ${event.ticket}, expires ${event.expires}`;
    case 'decisions':
      return `${event.count} decisions of ${event.versions.join(', ')}, batch root ${event.root.slice(0, 12)}`;
    case 'labels':
      return `${event.count} labels, batch root ${event.root.slice(0, 12)}`;
    case 'alert':
      return `${event.action} ${event.severity} alert, window ${event.window}`;
    case 'delivery':
      return `alert #${event.alert} redelivery ${event.round} to ${event.delivery.target} ${event.delivery.url}: ${event.outcome}${event.delivery.error === undefined ? '' : ` (${event.delivery.error})`}`;
    case 'reference':
      return `monitor ${event.monitor} reference ${shortDigest(event.profile)}, ${event.rows} rows`;
  }
}

/** `#12  2026-11-26T14:00:00.000Z  version  credit-scoring@2.0.0  artifact sha256:…` */
export function logLine({ index, event }: RecordedEvent): string {
  return `#${index}  ${event.recordedAt}  ${event.type.padEnd(10)}  ${subjectOf(event)}  ${describeEvent(event)}`;
}
