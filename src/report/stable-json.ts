/**
 * Pretty JSON (2 spaces) with object keys in one fixed order, so equal verdicts print to identical bytes whatever
 * order their members were built in. Well-known keys come first in reading order (`schema`, `outcome`, `summary`
 * before the bulk; `value`, `n`, `interval` together); every other key follows in code-unit order.
 */
const leadingKeys = [
  'schema',
  'tool',
  'outcome',
  'summary',
  'policy',
  'model',
  'inputs',
  'seed',
  'settings',
  'columns',
  'health',
  'ruleId',
  'kind',
  'severity',
  'status',
  'message',
  'name',
  'version',
  'role',
  'file',
  'key',
  'task',
  'overall',
  'groups',
  'disparities',
  'metric',
  'grouping',
  'group',
  'aggregation',
  'rows',
  'weight',
  'value',
  'bound',
  'min',
  'max',
  'interval',
  'low',
  'high',
  'level',
  'method',
  'n',
] as const;
const rank = new Map<string, number>(leadingKeys.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const rankA = rank.get(a) ?? leadingKeys.length;
  const rankB = rank.get(b) ?? leadingKeys.length;
  if (rankA !== rankB) return rankA - rankB;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keys are ordered as above; `undefined` members are dropped; non-finite numbers are rejected (they are not JSON). */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(order(value, '$'), null, 2)}\n`;
}

function order(value: unknown, path: string): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`stableJson: non-finite number at ${path}`);
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, index) => order(item, `${path}[${index}]`));
  const record = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort(compareKeys)) {
    if (record[key] !== undefined) sorted[key] = order(record[key], `${path}.${key}`);
  }
  return sorted;
}
