import * as z from 'zod';
import { policySchema } from './schema-policy.ts';

/** Where the generated schema is committed, relative to the repository root. */
export const policySchemaPath = 'schema/policy.schema.json';

/**
 * schema/policy.schema.json, generated from the zod schema (the input side, so fields with defaults stay optional),
 * for editors (`# yaml-language-server: $schema=…`). A test keeps the committed file equal to this.
 */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policySchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The file's exact text: two-space JSON and a final newline. */
export function policyJsonSchemaText(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}
