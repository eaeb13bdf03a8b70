import { describe, expect, test } from 'vitest';

import { encodeCase, parseCase, type Case, type CaseInput } from '../../scenarios/case/index.ts';
import { allowedGet, redirectChain } from '../../scenarios/case/test-cases.ts';
import { toBase64Url } from './base64url.ts';
import { caseInput, draftFromCase, newCaseDraft } from './draft.ts';
import { caseLabHref, labQuery, readLabQuery, validateDraft } from './lab-state.ts';

function parsed(input: CaseInput): Case {
  const result = parseCase(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** Encodes JSON as a lab link does, valid or not. */
function queryOf(data: unknown): string {
  return `case=${toBase64Url(JSON.stringify(data))}`;
}

describe('lab URL state', () => {
  test.each([
    ['allowed GET', allowedGet],
    ['redirect chain', redirectChain],
  ])('%s round-trips through the query', (_, input) => {
    const value = parsed(input);

    const state = readLabQuery(labQuery(draftFromCase(value)));

    expect(state.linkIssues).toEqual([]);
    expect(validateDraft(state.draft)).toEqual({ ok: true, value });
  });

  test('valid case is written with encodeCase', () => {
    const value = parsed(allowedGet);

    expect(labQuery(draftFromCase(value))).toBe(`case=${encodeCase(value)}`);
  });

  test('caseLabHref takes a case or a draft', () => {
    const value = parsed(allowedGet);

    expect(caseLabHref(value)).toBe(`/#/lab?case=${encodeCase(value)}`);
    expect(caseLabHref(draftFromCase(value))).toBe(caseLabHref(value));
  });

  test('no case opens the new case', () => {
    expect(readLabQuery('')).toEqual({ draft: newCaseDraft(), linkIssues: [] });
  });

  test('invalid draft keeps its typed values', () => {
    const draft = newCaseDraft();
    const typed = {
      ...draft,
      request: { ...draft.request, method: 'GE T' },
      answers: { ...draft.answers, response: { ...draft.answers.response, status: '99x' } },
    };

    const state = readLabQuery(labQuery(typed));

    expect(state.draft).toEqual(typed);
    expect(state.linkIssues.map((issue) => issue.path)).toEqual(['request.method', 'answers.response.status']);
  });
});

describe('validateDraft', () => {
  test('answers too long for a lab URL', () => {
    const draft = newCaseDraft();
    const headers = Array.from({ length: 8 }, (_, index) => ({ name: `X-Long-${index}`, value: 'v'.repeat(1000) }));
    const long = { ...draft, answers: { ...draft.answers, response: { ...draft.answers.response, headers } } };

    const result = validateDraft(long);

    expect(result.ok).toBe(false);
    expect(result.ok || result.issues.map((issue) => issue.path)).toEqual(['answers']);
    expect(result.ok || result.issues[0]?.message).toContain('a lab URL has room for 8000');
  });

  test('case too long for a link', () => {
    const draft = newCaseDraft();
    const headers = Array.from({ length: 20 }, (_, index) => ({ name: `X-Long-${index}`, value: 'v'.repeat(1000) }));
    const long = { ...draft, request: { ...draft.request, headers, body: 'b'.repeat(8000) } };

    const result = validateDraft(long);

    expect(result.ok || result.issues.map((issue) => issue.path)).toEqual(['(root)']);
  });
});

describe('hand-edited link', () => {
  test('keeps the valid parts', () => {
    const input = caseInput(draftFromCase(parsed(allowedGet)));
    const edited = { ...input, request: { ...(input.request as object), pageOrigin: 'mars', method: 'PUT' } };

    const state = readLabQuery(queryOf(edited));

    expect(state.draft.request.method).toBe('PUT');
    expect(state.draft.request.pageOrigin).toBe('app');
    expect(state.draft.answers).toEqual(draftFromCase(parsed(allowedGet)).answers);
    expect(state.linkIssues).toEqual([
      { path: 'request.pageOrigin', message: expect.stringContaining('Invalid value "mars"') as string },
    ]);
  });

  test('header of the wrong type becomes empty text', () => {
    const state = readLabQuery(
      queryOf({ version: 1, request: { pageOrigin: 'app', target: 'api', headers: [[1, null]] }, answers: {} }),
    );

    expect(state.draft.request.headers).toEqual([{ name: '1', value: '' }]);
    expect(state.draft.answers.response.status).toBe('200');
    expect(state.linkIssues.map((issue) => issue.path)).toContain('answers.response');
  });

  test('text that is not base64url opens the new case', () => {
    const state = readLabQuery('case=not*base64');

    expect(state.draft).toEqual(newCaseDraft());
    expect(state.linkIssues[0]?.message).toContain('not base64url');
  });

  test('base64url that is not JSON opens the new case', () => {
    const state = readLabQuery(`case=${toBase64Url('{"version":')}`);

    expect(state.draft).toEqual(newCaseDraft());
    expect(state.linkIssues[0]?.message).toContain('valid JSON');
  });

  test('JSON that is not an object opens the new case', () => {
    const state = readLabQuery(queryOf([1, 2]));

    expect(state.draft).toEqual(newCaseDraft());
    expect(state.linkIssues.length).toBeGreaterThan(0);
  });
});
