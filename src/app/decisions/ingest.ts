import type { Ledger } from '../ledger/types.ts';
import { recordsOf } from './body.ts';
import { BoundedQueue } from './bounded-queue.ts';
import { checkDecisions, checkLabels } from './check-records.ts';
import { DeploymentCatalog } from './deployments.ts';
import { traceDecision, type DecisionTrace } from './trace.ts';
import type { CheckedDecision, IngestResult, Rejection } from './types.ts';
import { writeDecisions, type DecisionJob } from './write-decisions.ts';
import { writeLabels, type LabelJob } from './write-labels.ts';

export interface IngestOptions {
  /** Records that may wait for the writer before new batches get 429; default 50,000. */
  readonly capacity?: number;
  /** Most records one group commit writes; default 20,000. */
  readonly maxGroup?: number;
  /** The clock for ledger times and undated labels; default `new Date()`. */
  readonly now?: () => Date;
}

export const DEFAULT_INGEST_CAPACITY = 50_000;
export const DEFAULT_INGEST_GROUP = 20_000;

/**
 * Decision ingest over one ledger and its store: validation per record, version checks against the catalog, then a
 * bounded queue per kind in front of the writer (see BoundedQueue and writeDecisions for the guarantees).
 */
export class Ingest {
  readonly #catalog: DeploymentCatalog;
  readonly #ledger: Ledger;
  readonly #now: () => Date;
  readonly #decisions: BoundedQueue<DecisionJob, IngestResult>;
  readonly #labels: BoundedQueue<LabelJob, IngestResult>;

  constructor(ledger: Ledger, options: IngestOptions = {}) {
    this.#ledger = ledger;
    this.#now = options.now ?? (() => new Date());
    this.#catalog = new DeploymentCatalog(ledger);
    const capacity = options.capacity ?? DEFAULT_INGEST_CAPACITY;
    const group = options.maxGroup ?? DEFAULT_INGEST_GROUP;
    this.#decisions = new BoundedQueue((jobs) => writeDecisions(ledger, jobs, this.#now), capacity, group);
    this.#labels = new BoundedQueue((jobs) => writeLabels(ledger, jobs, this.#now), capacity, group);
  }

  /** Records waiting for the writer, for /metrics and tests. */
  get queued(): number {
    return this.#decisions.queued + this.#labels.queued;
  }

  /** `POST /v1/decisions`: resolves once every accepted record is durable and ledgered. */
  async decisions(body: unknown): Promise<IngestResult> {
    const checked = checkDecisions(recordsOf(body, 'decisions'));
    const { deployed, rejected } = await this.#deployed(checked.valid);
    const all = [...checked.rejected, ...rejected].sort((a, b) => a.index - b.index);
    if (deployed.length === 0) return { accepted: 0, duplicates: 0, rejected: all };
    return this.#decisions.submit({ records: deployed, rejected: all }, deployed.length);
  }

  /** `POST /v1/labels`: ground truth joined by decision id; immutable once set. */
  async labels(body: unknown): Promise<IngestResult> {
    const checked = checkLabels(recordsOf(body, 'labels'), this.#now());
    if (checked.valid.length === 0) return { accepted: 0, duplicates: 0, rejected: checked.rejected };
    return this.#labels.submit({ records: checked.valid, rejected: checked.rejected }, checked.valid.length);
  }

  /** `GET /v1/decisions/{id}/trace`. */
  async trace(id: string): Promise<DecisionTrace> {
    await this.#catalog.refresh();
    return traceDecision(this.#ledger, this.#catalog, id);
  }

  /** Takes no new batch, and resolves when every queued one is written. */
  async close(): Promise<void> {
    await Promise.all([this.#decisions.close(), this.#labels.close()]);
  }

  /** Splits records into the ones whose version was deployed at their time and rejections naming `version`. */
  async #deployed(records: readonly CheckedDecision[]): Promise<{ deployed: CheckedDecision[]; rejected: Rejection[] }> {
    const judge = () => records.map((record) => this.#catalog.standing(record.model, record.version, Date.parse(record.decidedAt)));
    let standings = judge();
    if (standings.some((standing) => standing !== 'deployed')) {
      await this.#catalog.refresh();
      standings = judge();
    }
    const deployed: CheckedDecision[] = [];
    const rejected: Rejection[] = [];
    records.forEach((record, k) => {
      const standing = standings[k];
      const ref = `${record.model}@${record.version}`;
      if (standing === 'deployed') deployed.push(record);
      else if (standing === 'unknown-version') rejected.push({ index: record.index, field: 'version', code: 'INGEST_UNKNOWN_VERSION', message: `model version ${ref} was never recorded` });
      else rejected.push({ index: record.index, field: 'version', code: 'INGEST_VERSION_NOT_DEPLOYED', message: `${ref} was not deployed to any environment at ${record.decidedAt}` });
    });
    return { deployed, rejected };
  }
}
