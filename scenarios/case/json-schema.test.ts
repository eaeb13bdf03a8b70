import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema, caseSchemaFile } from './json-schema.ts';

describe('case.schema.json', () => {
  it('matches the zod schema', () => {
    const committed: unknown = JSON.parse(readFileSync(caseSchemaFile, 'utf8'));

    // Compared as data, because Prettier formats the committed file.
    expect(committed, 'the committed schema is stale: run npm run case-schema').toEqual(JSON.parse(caseJsonSchema()));
  });
});
