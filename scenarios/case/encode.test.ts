import { describe, expect, it } from 'vitest';
import { scenarios, variantNames } from '../index.ts';
import { decodeAnswers, decodeCase, encodeAnswers, encodeCase } from './encode.ts';
import { caseFromScenario, isCaseScenario } from './from-scenario.ts';
import { caseLimits } from './limits.ts';
import { caseSchema } from './schema.ts';
import { allowedGet, redirectChain } from './test-cases.ts';

const cases = [caseSchema.parse(allowedGet), caseSchema.parse(redirectChain)];

describe('case encoding', () => {
  it.each(cases.map((value, index) => [index, value] as const))('round-trips case %i', (_index, value) => {
    const encoded = encodeCase(value);

    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCase(encoded)).toEqual({ ok: true, value });
  });

  it('round-trips the answers of every catalog variant', () => {
    for (const scenario of scenarios) {
      for (const variant of variantNames) {
        if (!isCaseScenario(scenario, variant)) continue;
        const { answers } = caseFromScenario(scenario, variant);
        const encoded = encodeAnswers(answers);

        expect(encoded.length, `${scenario.id} ${variant}`).toBeLessThanOrEqual(caseLimits.encodedAnswersLength);
        expect(decodeAnswers(encoded), `${scenario.id} ${variant}`).toEqual({ ok: true, value: answers });
      }
    }
  });

  it('keeps non-ASCII text', () => {
    const value = caseSchema.parse({ ...allowedGet, title: 'Grüße, 世界' });

    expect(decodeCase(encodeCase(value))).toEqual({ ok: true, value });
  });

  it.each([
    ['characters outside base64url', 'abc+/=', 'not base64url'],
    ['a truncated form', 'a', 'not valid base64url'],
    ['bytes that are not UTF-8', '_w', 'not valid base64url'],
    ['text that is not JSON', 'bm90IGpzb24', 'does not hold valid JSON'],
    ['an over-long form', 'A'.repeat(caseLimits.encodedAnswersLength + 1), 'the limit is'],
  ])('rejects %s', (_title, text, words) => {
    const result = decodeAnswers(text);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.path).toBe('answers');
    expect(result.issues[0]?.message).toContain(words);
  });

  it('validates decoded answers like a case file', () => {
    const encoded = btoa(JSON.stringify({ response: { status: 99 } })).replace(/=+$/, '');

    const result = decodeAnswers(encoded);

    expect(result).toMatchObject({ ok: false, issues: [{ path: 'answers.response.status' }] });
  });
});
