/**
 * Regenerates schema/policy.schema.json from the zod schemas: `node src/policy/write-schema.ts` from the repository
 * root. Run it after changing schema-policy.ts; test/policy/json-schema.test.ts fails until you do.
 */
import { writeFile } from 'node:fs/promises';
import { policyJsonSchemaText, policySchemaPath } from './json-schema.ts';

await writeFile(policySchemaPath, policyJsonSchemaText());
console.log(`wrote ${policySchemaPath}`);
