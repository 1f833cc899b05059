import type { Location } from '../../core/index.ts';
import type { PiiDetector } from './pii-detectors.ts';

/**
 * What a data profile is asked to gather: the columns (how they are read, what they are for, what the policy
 * declares about them), and the pieces of the policy the single pass must know up front (label, id, sensitive
 * columns, PII detectors). Constraints are counted during the pass because the first offending rows can only be
 * located while their batch is at hand.
 */
export type DataColumnType = 'number' | 'integer' | 'category' | 'string' | 'boolean';
export type DataColumnRole = 'id' | 'label' | 'sensitive' | 'feature';

export interface DataColumnSpec {
  readonly name: string;
  /** How the reader decodes it. */
  readonly kind: 'number' | 'category';
  readonly role: DataColumnRole;
  /** The declared type; absent when the column is not declared (its kind was inferred, nothing to check). */
  readonly type?: DataColumnType;
  /** Allowed values (text columns). */
  readonly values?: readonly string[];
  /** Allowed range (number columns), inclusive. */
  readonly min?: number;
  readonly max?: number;
  /** Every non-missing value must be distinct (implied for the id column). */
  readonly unique?: boolean;
}

export interface DataProfileSpec {
  /** Every column of the file, in file order; rows are fingerprinted in this order. */
  readonly columns: readonly DataColumnSpec[];
  readonly sensitive: readonly string[];
  readonly label?: string;
  /** The label value meaning the positive class; default: 1, true or yes (any case). */
  readonly positiveLabel?: string;
  readonly id?: string;
  readonly detectors: readonly PiiDetector[];
}

/**
 * The columns of one batch, as the readers decode them (structurally equal to readers' RowBatch). A number column's
 * `invalid` lists values that are not numbers (NaN in `values`): type violations of a declared number column.
 */
export type DataColumnValues =
  | { readonly kind: 'number'; readonly values: Float64Array; readonly invalid?: readonly { readonly row: number; readonly text: string }[] }
  | { readonly kind: 'category'; readonly codes: Int32Array; readonly dictionary: readonly string[] };

export interface DataBatch {
  readonly rows: number;
  readonly firstRow: number;
  readonly columns: ReadonlyMap<string, DataColumnValues>;
  locate(row: number, column?: string): Location;
}

/** Schema violations of one kind in one column: counted, and the first FIRST_ROWS located. */
export type ViolationKind = 'type' | 'values' | 'range' | 'unique' | 'missing';

export const FIRST_ROWS = 5;

export interface Violations {
  count: number;
  /** The first offending rows (0-based row index in the file, and where it is), at most FIRST_ROWS. */
  readonly first: { readonly row: number; readonly location: Location }[];
}
