/**
 * Layout of a data profile's per-cell statistics (one cell per combination of sensitive values): rows, rows with a
 * label, rows of the positive class, then the missing values of each column in profile column order.
 */
export const CELL_ROWS = 0;
export const CELL_LABELLED = 1;
export const CELL_POSITIVES = 2;
export const CELL_MISSING = 3;
