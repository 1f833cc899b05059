/**
 * Regenerates schema/report.schema.json from the zod schema of the verdict:
 *   node test/report/write-schema.ts
 * schema.test.ts fails when the committed file and the generator disagree.
 */
import { writeFileSync } from 'node:fs';
import { schemaFile, schemaText } from './schema-file.ts';

writeFileSync(schemaFile, schemaText());
console.log(`wrote ${schemaFile}`);
