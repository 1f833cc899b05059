import type { Location } from '../../core/index.ts';
import type { CategoricalProfile, NumericProfile } from '../drift/index.ts';
import { cramersV } from './association.ts';
import { binnedAuc } from './class-histogram.ts';
import type { GroupMissing } from './data-metrics.ts';
import type { DataProfile } from './data-profile.ts';
import type { DataColumnRole, DataColumnType, ViolationKind } from './spec.ts';

/** What the data rules and the report know about one column after the pass. */
export interface ColumnFacts {
  readonly name: string;
  readonly role: DataColumnRole;
  readonly kind: 'number' | 'category';
  readonly type?: DataColumnType;
  readonly rows: number;
  readonly missing: number;
  /** Distinct non-missing values: exact for text columns and unique/id columns, null for other number columns. */
  readonly distinct: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Non-missing values that repeat an earlier one (unique and id columns only). */
  readonly duplicates: number | null;
  readonly violations: Readonly<Record<ViolationKind, { readonly count: number; readonly first: readonly Location[] }>>;
  /** Rows whose value equals the label's / the id's (both missing counts as equal). */
  readonly equalLabel: number;
  readonly equalId: number;
  /** Single-feature ROC AUC of a number feature against the label, with its binning error bound. */
  readonly auc: number | null;
  readonly aucErrorBound: number | null;
  /** Cramér's V of a text feature with the label. */
  readonly association: number | null;
  /** Rows matching each PII detector, by detector name. */
  readonly pii: Readonly<Record<string, number>>;
}

export function columnFacts(profile: DataProfile): ColumnFacts[] {
  const rows = profile.rows;
  return profile.columns.map((column) => {
    const spec = column.spec;
    const categories = column.categories;
    const auc = column.histogram === undefined ? undefined : binnedAuc(column.histogram);
    const association = column.classCounts === undefined || categories === undefined ? null : cramersV(column.classCounts, categories.size);
    const distinct = column.distinct !== undefined ? column.distinct.size : categories !== undefined ? categories.size : null;
    const hasRange = column.min <= column.max;
    const violations = Object.fromEntries(
      Object.entries(column.violations).map(([kind, entry]) => [kind, { count: entry.count, first: entry.first.map((f) => f.location) }]),
    ) as unknown as ColumnFacts['violations'];
    return {
      name: spec.name,
      role: spec.role,
      kind: spec.kind,
      ...(spec.type === undefined ? {} : { type: spec.type }),
      rows,
      missing: column.missing,
      distinct,
      min: hasRange ? column.min : null,
      max: hasRange ? column.max : null,
      duplicates: column.distinct === undefined ? null : column.keyed - column.distinct.size,
      violations,
      equalLabel: column.equalLabel,
      equalId: column.equalId,
      auc: auc?.auc ?? null,
      aucErrorBound: auc === undefined || auc.auc === null ? null : auc.errorBound,
      association,
      pii: Object.fromEntries(profile.spec.detectors.map((detector, d) => [detector.name, column.piiRows[d] ?? 0])),
    };
  });
}

/** Everything the data rules decide on, after the pass (the profile itself stays in stats). */
export interface DatasetFacts {
  readonly rows: number;
  readonly columns: readonly ColumnFacts[];
  /** Rows repeating an earlier row on every column but the id. */
  readonly duplicateRows: number;
  readonly missing: readonly GroupMissing[];
  /** Declared (or schema-required) columns that are not in the file. */
  readonly absent: readonly string[];
  /** For previous_version rules: the previous recorded version, or why it could not be read. */
  readonly previous?: PreviousVersion;
}

/** A drift profile of one column (stats/drift): numeric or categorical. */
export type DriftProfile = NumericProfile | CategoricalProfile;

/** The previous recorded version of the dataset, profiled for the previous_version rule. */
export type PreviousVersion =
  | {
      readonly digest: string;
      /** Where it was read from (the recorded source). */
      readonly source: string;
      readonly recordedAt: string;
      readonly rows: number;
      /** Columns present in both versions: the previous version's profile and the current one's. */
      readonly columns: readonly { readonly name: string; readonly before: DriftProfile; readonly now: DriftProfile }[];
      /** Current columns the previous version did not have. */
      readonly added: readonly string[];
    }
  | { readonly unavailable: string };
