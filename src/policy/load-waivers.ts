import { StewardError } from '../core/index.ts';
import { readUserFile } from './load-policy.ts';
import { waiversFileSchema } from './schema-waiver.ts';
import type { Waiver } from './types.ts';
import { issuesToProblems } from './zod-issues.ts';
import { parseYaml, type YamlSource } from './yaml-source.ts';

/**
 * Reads a waivers file (`waivers: [{rule, model, owner, approver, ticket, justification, expires}]`). Every field is
 * mandatory; the first problem is thrown as POLICY_INVALID_WAIVER with its line and column. Each waiver keeps where
 * it was written, so findings about it (expired, unknown rule) point there.
 */
export async function loadWaivers(file: string): Promise<Waiver[]> {
  const source = parseYaml(file, new TextDecoder('utf-8').decode(await readUserFile(file)));
  return waiversFrom(source, ['waivers']);
}

/** The waivers at `path` of a parsed document (a waivers file, or a policy test case). */
export function waiversFrom(source: YamlSource, path: readonly (string | number)[]): Waiver[] {
  const isFile = path.length === 1 && path[0] === 'waivers';
  const value = isFile ? (source.value ?? {}) : { waivers: valueAt(source.value, path) ?? [] };
  const parsed = waiversFileSchema.safeParse(value);
  if (!parsed.success) {
    const base = isFile ? [] : path.slice(0, -1);
    const shifted = parsed.error.issues.map((issue) => ({ ...issue, path: [...base, ...issue.path] }));
    const first = issuesToProblems(shifted, source, waiversFileSchema, 'POLICY_INVALID_WAIVER')[0];
    if (first !== undefined) throw new StewardError(first);
  }
  return (parsed.data?.waivers ?? []).map((waiver, index) => ({ ...waiver, location: source.at([...path, index]) }));
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
