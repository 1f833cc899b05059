import { Counter, Gauge, type Registry } from 'prom-client';
import type { Ingest, IngestResult } from '../app/decisions/index.ts';

/** Counts ingest outcomes by kind; returned to the routes so each answered batch is counted once. */
export type CountIngest = (kind: 'decisions' | 'labels', result: IngestResult) => void;

/**
 * Ingest metrics on the server's registry: records by kind and outcome (accepted, duplicate, rejected), and the
 * records waiting in the queue, read at scrape time — the number to alert on before clients meet 429s.
 */
export function registerIngestMetrics(registry: Registry, ingest: Ingest): CountIngest {
  const records = new Counter({
    name: 'steward_ingest_records_total',
    help: 'Ingested records by kind (decisions, labels) and outcome (accepted, duplicate, rejected).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'steward_ingest_queue_records',
    help: 'Records waiting for the ingest writer; batches get 429 when the queue is full.',
    registers: [registry],
    collect() {
      this.set(ingest.queued);
    },
  });
  return (kind, result) => {
    records.inc({ kind, outcome: 'accepted' }, result.accepted);
    records.inc({ kind, outcome: 'duplicate' }, result.duplicates);
    records.inc({ kind, outcome: 'rejected' }, result.rejected.length);
  };
}
