/**
 * Regenerates schema/monitor.schema.json from the zod schema: `node src/policy/monitor/write-schema.ts` from the
 * repository root. test/monitor/json-schema.test.ts fails until you do.
 */
import { writeFile } from 'node:fs/promises';
import { monitorJsonSchemaText, monitorSchemaPath } from './json-schema.ts';

await writeFile(monitorSchemaPath, monitorJsonSchemaText());
console.log(`wrote ${monitorSchemaPath}`);
