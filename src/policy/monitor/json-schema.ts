import * as z from 'zod';
import { monitorSchema } from './schema-monitor.ts';

/** Where the generated schema is committed, relative to the repository root (next to schema/policy.schema.json). */
export const monitorSchemaPath = 'schema/monitor.schema.json';

/** schema/monitor.schema.json, generated from the zod schema (input side), for editors; a test keeps them equal. */
export function monitorJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(monitorSchema, { io: 'input', target: 'draft-2020-12' }), null, 2)}\n`;
}
