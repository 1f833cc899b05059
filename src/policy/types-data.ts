import type { Location } from '../core/index.ts';
import type { Grouping } from './types.ts';

/** One column declared under `data.columns`, with defaults applied. */
export interface ColumnDeclaration {
  readonly name: string;
  readonly type?: 'number' | 'integer' | 'category' | 'string' | 'boolean';
  /** Allowed values, compared as text. */
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly unique: boolean;
  readonly maxMissing?: number;
  readonly required: boolean;
}

/** The `data:` of a dataset policy (`task: dataset`): no predictions, a label and id at most. */
export interface DatasetMapping {
  readonly label?: string;
  readonly positiveLabel?: string;
  readonly id?: string;
  /** Declared sensitive columns, in policy order. */
  readonly sensitive: readonly string[];
  /** Declared columns, in the order written. */
  readonly columns: readonly ColumnDeclaration[];
  /** The name the dataset's versions are recorded under in the ledger. */
  readonly name?: string;
}

interface DataRuleBase {
  readonly id: string;
  readonly description?: string;
  readonly severity: 'error' | 'warn' | 'info';
  readonly location: Location;
  readonly origin: string;
}

export interface SchemaRule extends DataRuleBase {
  readonly kind: 'schema';
  readonly required: readonly string[];
  readonly maxMissing?: number;
}

export interface RepresentationRule extends DataRuleBase {
  readonly kind: 'representation';
  readonly groupings: readonly Grouping[];
  readonly minShare?: number;
  /** column → value → reference share. */
  readonly reference: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly tolerance: number;
}

export interface LabelBalanceRule extends DataRuleBase {
  readonly kind: 'label_balance';
  readonly groupings: readonly Grouping[];
  readonly maxDifference?: number;
  readonly minRatio?: number;
}

export interface MissingnessRule extends DataRuleBase {
  readonly kind: 'missingness';
  readonly groupings: readonly Grouping[];
  readonly maxDifference: number;
  readonly columns?: readonly string[];
}

export interface LeakageRule extends DataRuleBase {
  readonly kind: 'leakage';
  readonly maxAuc: number;
  readonly maxAssociation: number;
  readonly columns?: readonly string[];
}

export interface DuplicatesRule extends DataRuleBase {
  readonly kind: 'duplicates';
  readonly maxRows?: number;
  readonly maxRowShare?: number;
  readonly maxIds?: number;
}

export interface PersonalDataRule extends DataRuleBase {
  readonly kind: 'personal_data';
  readonly maxShare: number;
  /** Built-in detector names, then policy patterns (name → regex). */
  readonly detectors: readonly string[];
  readonly patterns: Readonly<Record<string, string>>;
  readonly columns?: readonly string[];
}

export interface PreviousVersionRule extends DataRuleBase {
  readonly kind: 'previous_version';
  readonly columns?: readonly string[];
  /** Drift thresholds by statistic (psi, ks, chi_square, wasserstein, jensen_shannon); the rest default. */
  readonly thresholds: Readonly<Record<string, number>>;
  readonly maxMissingRateChange?: number;
  readonly newCategories: boolean;
}

export type DataRule = PreviousVersionRule | SchemaRule | RepresentationRule | LabelBalanceRule | MissingnessRule | LeakageRule | DuplicatesRule | PersonalDataRule;
