/** Writes `scenarios/case/case.schema.json`, formatted as Prettier checks it. Run with `npm run case-schema`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { caseJsonSchema, caseSchemaFile } from './json-schema.ts';

const path = fileURLToPath(caseSchemaFile);
const config = await resolveConfig(path);
writeFileSync(caseSchemaFile, await format(caseJsonSchema(), { ...config, filepath: path }));
console.log(`Wrote ${path}`);
