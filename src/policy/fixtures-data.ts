import type { Location, MetricsSection } from '../core/index.ts';
import type { ColumnFacts, DatasetFacts, GroupMissing } from '../stats/data/index.ts';
import type { FixtureDataset } from './schema-policy-test.ts';
import type { DatasetMapping } from './types-data.ts';

type FixtureColumn = NonNullable<FixtureDataset['columns']>[string];
type FixtureViolation = NonNullable<NonNullable<FixtureColumn['violations']>['type']>;

const violationKinds = ['type', 'values', 'range', 'unique'] as const;

/**
 * The dataset facts of a policy test case (`dataset:` in docs/policy.md, "Policy tests"), for the data rules that
 * read more than group metrics (schema, missingness, leakage, duplicates, personal data). Written in a compact form
 * with defaults, so a case states only what it is about:
 * - `rows` defaults to the overall rows of the case's metrics; `duplicate_rows` to 0; `absent` to none;
 * - the columns are the policy's declared, label, id and sensitive columns (less `absent`) plus those listed; each
 *   takes its role from the policy (else `feature`), its kind from its declared type (`number`/`integer` → number),
 *   else number when `auc`, `min` or `max` is given, else text; every count defaults to 0 and every measure to null;
 * - a violation is a count or `{rows, lines}`; `pii` counts rows per detector;
 * - `missing: {column: {group key: missing values}}` gives the missingness rule its table; a group's rows come from
 *   the group of the same key in `metrics.groups`, and a group listed there but not here has none missing.
 */
export function datasetFromFixture(fixture: FixtureDataset, metrics: MetricsSection, dataset: DatasetMapping, file: string): DatasetFacts {
  const rows = fixture.rows ?? metrics.overall.rows;
  const absent = fixture.absent ?? [];
  const listed = fixture.columns ?? {};
  const names = [...new Set([...dataset.columns.map((c) => c.name), ...[dataset.id, dataset.label, ...dataset.sensitive].filter((n): n is string => n !== undefined), ...Object.keys(listed)])];
  const columns = names.filter((name) => !absent.includes(name) || name in listed).map((name) => columnFacts(name, listed[name] ?? {}, dataset, rows, file));
  return { rows, columns, duplicateRows: fixture.duplicate_rows ?? 0, missing: missingTables(fixture.missing ?? {}, metrics), absent };
}

function columnFacts(name: string, doc: FixtureColumn, dataset: DatasetMapping, rows: number, file: string): ColumnFacts {
  const declared = dataset.columns.find((c) => c.name === name);
  const role = doc.role ?? (name === dataset.id ? 'id' : name === dataset.label ? 'label' : dataset.sensitive.includes(name) ? 'sensitive' : 'feature');
  const numeric = declared?.type === 'number' || declared?.type === 'integer' || (declared?.type === undefined && (doc.auc != null || doc.min != null || doc.max != null));
  const kind = doc.kind ?? (role === 'label' || role === 'sensitive' || !numeric ? 'category' : 'number');
  const violation = (entry: FixtureViolation | undefined): { count: number; first: Location[] } => {
    if (entry === undefined) return { count: 0, first: [] };
    if (typeof entry === 'number') return { count: entry, first: [] };
    return { count: entry.rows, first: (entry.lines ?? []).map((line) => ({ file, line })) };
  };
  const violations = Object.fromEntries([...violationKinds.map((k) => [k, violation(doc.violations?.[k])]), ['missing', { count: doc.missing ?? 0, first: [] }]]) as unknown as ColumnFacts['violations'];
  return {
    name,
    role,
    kind,
    ...(declared?.type === undefined ? {} : { type: declared.type }),
    rows,
    missing: doc.missing ?? 0,
    distinct: doc.distinct ?? null,
    min: doc.min ?? null,
    max: doc.max ?? null,
    duplicates: doc.duplicates ?? (role === 'id' ? 0 : null),
    violations,
    equalLabel: doc.equal_label ?? 0,
    equalId: doc.equal_id ?? 0,
    auc: doc.auc ?? null,
    aucErrorBound: doc.auc_error_bound ?? (doc.auc == null ? null : 0),
    association: doc.association ?? null,
    pii: doc.pii ?? {},
  };
}

function missingTables(doc: NonNullable<FixtureDataset['missing']>, metrics: MetricsSection): GroupMissing[] {
  const tables: GroupMissing[] = [];
  for (const [column, byGroup] of Object.entries(doc)) {
    for (const joined of new Set(Object.keys(byGroup).map(keyGrouping))) {
      const grouping = joined.split('&');
      const keys = [...new Set([...metrics.groups.filter((g) => g.grouping.join('&') === joined).map((g) => g.key), ...Object.keys(byGroup).filter((k) => keyGrouping(k) === joined)])];
      const groups = keys.map((key) => ({ key, rows: metrics.groups.find((g) => g.key === key)?.rows ?? 0, missing: byGroup[key] ?? 0 }));
      tables.push({ grouping, column, groups });
    }
  }
  return tables;
}

function keyGrouping(key: string): string {
  return key
    .split('&')
    .map((part) => part.split('=')[0] ?? '')
    .join('&');
}
