import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verdictJsonSchema } from '../../src/report/verdict-schema.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the published JSON Schema of the verdict lives (shipped in the npm package's `schema/`). */
export const schemaFile = path.join(repoRoot, 'schema', 'report.schema.json');

/** The file's exact text: the generated schema, 2-space indent, final newline. */
export function schemaText(): string {
  return `${JSON.stringify(verdictJsonSchema(), null, 2)}\n`;
}
