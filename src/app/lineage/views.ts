import type { Ledger, RecordedEvent } from '../ledger/types.ts';
import { readEvents } from '../records/context.ts';
import { parseModelVersion } from '../records/refs.ts';
import { buildBom, type CycloneDxBom } from './bom.ts';
import { lineageOf, type Lineage } from './lineage.ts';
import { filterLog, type LogFilter } from './log-filter.ts';
import { stateAt, type StateAt } from './state.ts';

/** The read side of lineage: each view reads the log once and hands it to the pure function of the same name. */
export async function readLog(ledger: Ledger, filter: LogFilter): Promise<RecordedEvent[]> {
  return filterLog(await readEvents(ledger), filter);
}

export async function readLineage(ledger: Ledger, ref: string): Promise<Lineage> {
  const { model, version } = parseModelVersion(ref);
  return lineageOf(await readEvents(ledger), model, version);
}

export async function readState(ledger: Ledger, at: Date): Promise<StateAt> {
  return stateAt(await readEvents(ledger), at);
}

export async function exportBom(ledger: Ledger, ref: string): Promise<CycloneDxBom> {
  const { model, version } = parseModelVersion(ref);
  return buildBom(await readEvents(ledger), model, version);
}
