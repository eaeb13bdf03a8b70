/** Writes `scenarios/case/case.schema.json`. Run with `npm run case-schema`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { caseJsonSchema, caseSchemaFile } from './json-schema.ts';

writeFileSync(caseSchemaFile, caseJsonSchema());
console.log(`Wrote ${fileURLToPath(caseSchemaFile)}`);
