// Regenerates the documentation files that are derived from code (docs/errors.md).
import { writeFileSync } from 'node:fs';
import { renderErrorsDoc } from '../src/core/codes/doc.ts';

writeFileSync(new URL('../docs/errors.md', import.meta.url), renderErrorsDoc());
console.log('wrote docs/errors.md');
