import type { RowItem } from './append-items.ts';
import type { DecisionRow, LabelRow } from './decisions.ts';

/** A row an append transaction inserted: its key (decision id) and the leaf it was inserted with. */
export interface InsertedRow {
  readonly key: string;
  readonly ledgerIndex: number;
}

/**
 * The decision and label rows a batch's items carry (AppendItem.rows), each given its item's leaf index: both
 * dialects insert them in the append transaction once the indices are assigned (first = the size read under lock).
 */
export function rowsOfBatch(items: readonly RowItem[], first: number): { decisions: DecisionRow[]; labels: LabelRow[] } {
  const decisions: DecisionRow[] = [];
  const labels: LabelRow[] = [];
  items.forEach((item, k) => {
    const ledgerIndex = first + k;
    if (item.rows?.table === 'decisions') for (const row of item.rows.rows) decisions.push({ ...row, ledgerIndex });
    else if (item.rows?.table === 'labels') for (const row of item.rows.rows) labels.push({ ...row, ledgerIndex });
  });
  return { decisions, labels };
}

/** Whether any item carries rows (then the commit reports AppendResult.inserted). */
export function carriesRows(items: readonly RowItem[]): boolean {
  return items.some((item) => item.rows !== undefined);
}

/**
 * Per item, the keys of its rows this transaction inserted, told apart by leaf index: two items of one batch may
 * carry the same key (two ingest writers on one store), and only the one whose row went in may count it.
 */
export function insertedPerItem(items: readonly RowItem[], first: number, inserted: readonly InsertedRow[]): (string[] | undefined)[] {
  const perItem: (string[] | undefined)[] = items.map((item) => (item.rows === undefined ? undefined : []));
  for (const row of inserted) perItem[row.ledgerIndex - first]?.push(row.key);
  return perItem;
}
