import type * as z from 'zod';
import { didYouMean, type ErrorCode, type Problem } from '../core/index.ts';
import type { DocPath, YamlSource } from './yaml-source.ts';
import { formatPath } from './yaml-source.ts';

/**
 * Turns zod issues into Problems that point at the YAML node of each issue's path: a user reads
 * `policy.yaml:12:7: POLICY_INVALID_FIELD rules[1].min … (expected number)`, never a zod message.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  schema: z.ZodType,
  code: ErrorCode = 'POLICY_INVALID_FIELD',
): Problem[] {
  return issues.flatMap((issue) => issueToProblems(issue, source, schema, code));
}

function issueToProblems(issue: z.core.$ZodIssue, source: YamlSource, schema: z.ZodType, code: ErrorCode): Problem[] {
  const path = issue.path as DocPath;
  const where = formatPath(path) || 'the document';
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const hint = didYouMean(key, known);
      return {
        code,
        message: `unknown field "${key}" in ${where}`,
        location: source.keyAt(path, key),
        expected: `one of: ${known.join(', ')}`,
        ...(hint === undefined ? {} : { hint }),
      };
    });
  }
  if (issue.code === 'invalid_type' && valueAt(source.value, path) === undefined) {
    const parent = path.slice(0, -1);
    return [{ code, message: `missing field "${String(path.at(-1))}" in ${formatPath(parent) || 'the document'}`, location: source.at(parent), expected: issue.expected }];
  }
  return [{ code, message: `${where} is invalid: ${issue.message}`, location: source.at(path), expected: expectedOf(issue) }];
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'invalid_value':
      return `one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return `${issue.origin === 'array' ? 'at least' : issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : ''}`;
    case 'too_big':
      return `${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'regex' && issue.pattern !== undefined ? `a string matching ${issue.pattern}` : `a ${issue.format} string`;
    case 'invalid_union':
      return 'one of the allowed forms';
    default:
      return issue.message;
  }
}

function valueAt(value: unknown, path: DocPath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The field names the object schema at `path` accepts, for did-you-mean hints. */
export function knownKeys(schema: z.ZodType, path: DocPath): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (current === undefined) return [];
    const def = defOf(current);
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  current = unwrap(current);
  if (current === undefined) return [];
  const def = defOf(current);
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current !== undefined) {
    const def = defOf(current);
    if (def.innerType !== undefined) current = def.innerType;
    else if (def.type === 'union') current = def.options?.find((option) => defOf(option).type === 'object');
    else return current;
  }
  return current;
}
