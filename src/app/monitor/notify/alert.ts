import type { Digest, Severity } from '../../../core/index.ts';

/** One alert transition as notifiers see it. */
export interface AlertNotice {
  readonly action: 'opened' | 'resolved';
  readonly monitor: string;
  readonly rule: string;
  readonly model: string;
  readonly severity: Severity;
  readonly window: string;
  /** The finding's one-sentence message. */
  readonly message: string;
  readonly value?: number | null;
  /** Digest of the verdict of the run that shows why. */
  readonly evidence: Digest;
  /** RFC 3339 time of the run. */
  readonly at: string;
}

/** Dedup key shared by the open and resolve of one alert: one open alert per monitor and rule. */
export function dedupKey(notice: Pick<AlertNotice, 'monitor' | 'rule'>): string {
  return `steward:${notice.monitor}:${notice.rule}`;
}

/** One line for chat and incident titles. */
export function summaryLine(notice: AlertNotice): string {
  const verb = notice.action === 'opened' ? `[${notice.severity.toUpperCase()}]` : '[RESOLVED]';
  return `${verb} ${notice.monitor} / ${notice.rule} (${notice.model}): ${notice.message}`;
}
