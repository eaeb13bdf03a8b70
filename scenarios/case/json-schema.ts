/**
 * Generates `case.schema.json` from the zod schema. `npm run case-schema` writes it, and a test
 * fails when the committed file differs, so the file never drifts from the code.
 */
import { z } from 'zod';
import { caseSchema } from './schema.ts';

export const caseSchemaFile = new URL('./case.schema.json', import.meta.url);

/** The JSON Schema of a case file as written, where fields with defaults may be left out. */
export function caseJsonSchema(): string {
  const schema = z.toJSONSchema(caseSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
