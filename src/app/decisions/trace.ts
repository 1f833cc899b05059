import { fail } from '../../core/index.ts';
import type { InclusionProofResult, Ledger } from '../ledger/types.ts';
import { batchProof } from './batch-tree.ts';
import type { DeploymentCatalog } from './deployments.ts';

/** A ledgered fact in a trace: the event, its index, and its inclusion proof with the signed checkpoint. */
export interface TracedEvent {
  readonly index: number;
  readonly event: unknown;
  readonly proof: InclusionProofResult;
}

/** A decision or label row with the proof that it is in the log: in-batch path to the batch leaf, leaf to the log. */
export interface TracedRecord {
  readonly record: unknown;
  readonly batch: { readonly ledgerIndex: number; readonly position: number; readonly size: number; readonly root: string; readonly auditPath: readonly string[] };
  readonly proof: InclusionProofResult;
}

/**
 * decision → model version → deployment(s) in force at the decision's time → the verdicts and the approvals recorded
 * for that version before it was deployed (there, by `recordedAt`, as deployments are replayed), each with its ledger
 * inclusion proof. Approvals are every approval event of the version in log order, rejections included: a rejection
 * after an approval shows beside it, since the trace shows what was recorded and leaves the judging to its reader.
 */
export interface DecisionTrace {
  readonly decision: TracedRecord;
  readonly label?: TracedRecord;
  readonly version?: TracedEvent;
  readonly deployments: readonly TracedEvent[];
  readonly verdicts: readonly TracedEvent[];
  readonly approvals: readonly TracedEvent[];
}

export async function traceDecision(ledger: Ledger, catalog: DeploymentCatalog, id: string): Promise<DecisionTrace> {
  const table = ledger.store.decisions;
  const row = await table.decision(id);
  if (row === undefined) fail('INGEST_UNKNOWN_DECISION', `no decision "${id}" is stored`, { location: { path: 'id' }, expected: 'the decision_id of an acknowledged decision' });
  const batch = await table.decisionsInLeaf(row.ledgerIndex);
  const decision = await traced(ledger, row.record, row.ledgerIndex, row.position, batch.map((item) => item.record));
  const labelRow = (await table.labels([id])).get(id);
  const label =
    labelRow === undefined
      ? undefined
      : await traced(ledger, labelRow.record, labelRow.ledgerIndex, labelRow.position, (await table.labelsInLeaf(labelRow.ledgerIndex)).map((item) => item.record));
  const time = Date.parse(row.decidedAt);
  const version = catalog.version(row.model, row.version);
  const tenures = catalog.inForce(row.model, row.version, time);
  const deployedAt = Math.max(...tenures.map((tenure) => tenure.from));
  const before = ({ event }: { event: { recordedAt: string } }): boolean => Date.parse(event.recordedAt) <= deployedAt;
  const verdicts = catalog.verdicts(row.model, row.version).filter(before);
  const approvals = catalog.approvals(row.model, row.version).filter(before);
  const prove = async (recorded: { index: number; event: unknown }): Promise<TracedEvent> => ({ index: recorded.index, event: recorded.event, proof: await ledger.inclusionProof(recorded.index) });
  return {
    decision,
    ...(label === undefined ? {} : { label }),
    ...(version === undefined ? {} : { version: await prove(version) }),
    deployments: await Promise.all(tenures.map((tenure) => prove(tenure.deployment))),
    verdicts: await Promise.all(verdicts.map(prove)),
    approvals: await Promise.all(approvals.map(prove)),
  };
}

async function traced(ledger: Ledger, record: string, ledgerIndex: number, position: number, batch: readonly string[]): Promise<TracedRecord> {
  const { root, auditPath } = batchProof(batch, position);
  return {
    record: JSON.parse(record) as unknown,
    batch: { ledgerIndex, position, size: batch.length, root, auditPath },
    proof: await ledger.inclusionProof(ledgerIndex),
  };
}
