import { CategoryValues } from './category-values.ts';
import { ClassHistogram } from './class-histogram.ts';
import { DistinctValues } from './distinct-values.ts';
import type { PiiDetector } from './pii-detectors.ts';
import { FIRST_ROWS, type DataBatch, type DataColumnSpec, type ViolationKind, type Violations } from './spec.ts';

const violationKinds: readonly ViolationKind[] = ['type', 'values', 'range', 'unique', 'missing'];

/** The facts gathered about one column over every row: mergeable by addition (sets by union). */
export class ColumnState {
  readonly spec: DataColumnSpec;
  missing = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  /** Rows whose value equals the label's (both missing counts as equal), and the id's. */
  equalLabel = 0;
  equalId = 0;
  /** Rows matching each detector (by position in the profile's detector list). */
  readonly piiRows: Float64Array;
  /** Text columns: the distinct values and their cached facts. */
  readonly categories: CategoryValues | undefined;
  /** Text features with a label: rows per (value code, class), index 2·code + class. */
  classCounts: Float64Array | undefined;
  /** Number features with a label: per-class histograms for the single-feature AUC. */
  readonly histogram: ClassHistogram | undefined;
  /** Unique and id columns: the values seen, by their words. */
  readonly distinct: DistinctValues | undefined;
  /** Non-missing values offered to `distinct`. */
  keyed = 0;
  readonly violations: Record<ViolationKind, Violations>;

  constructor(spec: DataColumnSpec, options: { detectors: readonly PiiDetector[]; hasLabel: boolean; positiveLabel?: string }) {
    this.spec = spec;
    const highCardinality = spec.role === 'id' || spec.unique === true;
    this.piiRows = new Float64Array(options.detectors.length);
    this.categories =
      spec.kind === 'category'
        ? new CategoryValues({
            ...(spec.values === undefined ? {} : { allowed: spec.values }),
            ...(spec.type === undefined ? {} : { type: spec.type }),
            ...(spec.role === 'label' && options.positiveLabel !== undefined ? { positiveLabel: options.positiveLabel } : {}),
            detectors: options.detectors,
            wordsOnly: highCardinality,
          })
        : undefined;
    const feature = spec.role === 'feature' && options.hasLabel;
    this.classCounts = feature && spec.kind === 'category' && !highCardinality ? new Float64Array(32) : undefined;
    this.histogram = feature && spec.kind === 'number' && !highCardinality ? new ClassHistogram() : undefined;
    this.distinct = highCardinality ? new DistinctValues() : undefined;
    this.violations = Object.fromEntries(violationKinds.map((kind) => [kind, { count: 0, first: [] }])) as unknown as Record<ViolationKind, Violations>;
  }

  /** Counts one offending row; the first FIRST_ROWS are located in the file while their batch is at hand. */
  violate(kind: ViolationKind, batch: DataBatch, row: number): void {
    const entry = this.violations[kind];
    entry.count++;
    if (entry.first.length < FIRST_ROWS) entry.first.push({ row: batch.firstRow + row, location: batch.locate(row, this.spec.name) });
  }

  /** Grows classCounts to hold `codes` value codes. */
  ensureClassCounts(codes: number): Float64Array | undefined {
    const counts = this.classCounts;
    if (counts === undefined || counts.length >= 2 * codes) return counts;
    const bigger = new Float64Array(Math.max(2 * codes, counts.length * 2));
    bigger.set(counts);
    this.classCounts = bigger;
    return bigger;
  }

  /** Adds `other` (a column of the same spec from another profile) into this one. */
  merge(other: ColumnState): void {
    this.missing += other.missing;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    this.equalLabel += other.equalLabel;
    this.equalId += other.equalId;
    this.keyed += other.keyed;
    for (let d = 0; d < this.piiRows.length; d++) this.piiRows[d] = (this.piiRows[d] as number) + (other.piiRows[d] ?? 0);
    if (this.histogram !== undefined && other.histogram !== undefined) this.histogram.merge(other.histogram);
    if (this.distinct !== undefined && other.distinct !== undefined) {
      // A value of `other` already seen here is one more repeat (not locatable: its row is in the other read).
      this.violations.unique.count += this.distinct.merge(other.distinct);
    }
    const mine = this.categories;
    const theirs = other.categories;
    if (mine !== undefined && theirs !== undefined && !mine.wordsOnly) {
      theirs.values.forEach((value, code) => {
        const own = mine.codeOf(value);
        mine.counts[own] = (mine.counts[own] as number) + (theirs.counts[code] as number);
        const into = this.ensureClassCounts(mine.size);
        if (into !== undefined && other.classCounts !== undefined) {
          into[2 * own] = (into[2 * own] as number) + (other.classCounts[2 * code] ?? 0);
          into[2 * own + 1] = (into[2 * own + 1] as number) + (other.classCounts[2 * code + 1] ?? 0);
        }
      });
    }
    for (const kind of violationKinds) {
      const entry = this.violations[kind];
      const from = other.violations[kind];
      entry.count += from.count;
      for (const first of from.first) if (entry.first.length < FIRST_ROWS) entry.first.push(first);
    }
  }
}
