import { describe, expect, test } from 'vitest';

import { parseAnswers, parseCase, type Case, type CaseInput } from '../../scenarios/case/index.ts';
import { allowedGet, redirectChain } from '../../scenarios/case/test-cases.ts';
import { contentTypeOf, issuesUnder, messagesAt, removeAt, withContentType } from './draft-edits.ts';
import {
  answersDraftFrom,
  answersDraftFromJson,
  answersInput,
  caseInput,
  draftFromCase,
  draftFromJson,
  newCaseDraft,
  newRedirectDraft,
} from './draft.ts';

function parsed(input: CaseInput): Case {
  const result = parseCase(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('draft conversion', () => {
  test.each([
    ['allowed GET', allowedGet],
    ['redirect chain', redirectChain],
  ])('%s survives a round trip', (_, input) => {
    const value = parsed(input);

    expect(parseCase(caseInput(draftFromCase(value)))).toEqual({ ok: true, value });
  });

  test('new case is valid', () => {
    expect(parseCase(caseInput(newCaseDraft())).ok).toBe(true);
  });

  test('empty body is left out', () => {
    const draft = newCaseDraft();

    expect(caseInput(draft).request).not.toHaveProperty('body');
  });

  test.each([
    ['204', 204],
    [' 301 ', 301],
    ['2.5', 2.5],
    ['abc', 'abc'],
    ['', undefined],
  ])('status %j is sent as %j', (status, expected) => {
    const draft = { ...newCaseDraft().answers, response: { ...newCaseDraft().answers.response, status } };

    expect((answersInput(draft).response as { status: unknown }).status).toBe(expected);
  });

  test('status out of range names the limit', () => {
    const answers = answersDraftFrom(parsed(allowedGet).answers);
    const result = parseAnswers(answersInput({ ...answers, response: { ...answers.response, status: '700' } }));

    expect(result.ok || messagesAt(result.issues, 'answers.response.status')).toEqual(['The status is at most 599.']);
  });

  test('header name with a space is not a token', () => {
    const answers = answersDraftFrom(parsed(allowedGet).answers);
    const headers = [{ name: 'Access Control', value: '*' }];
    const result = parseAnswers(answersInput({ ...answers, response: { ...answers.response, headers } }));

    expect(result.ok).toBe(false);
    expect(result.ok || messagesAt(result.issues, 'answers.response.headers[0][0]')[0]).toContain('token');
  });

  test('header value with a line break is rejected', () => {
    const answers = answersDraftFrom(parsed(allowedGet).answers);
    const headers = [{ name: 'Vary', value: 'Origin\r\nSet-Cookie: x=1' }];
    const result = parseAnswers(answersInput({ ...answers, response: { ...answers.response, headers } }));

    expect(result.ok || messagesAt(result.issues, 'answers.response.headers[0][1]')[0]).toContain('no CR, LF, NUL');
  });

  test('redirect keeps its location and own preflight', () => {
    const value = parsed(redirectChain);

    const redirect = draftFromCase(value).answers.redirects[0];

    expect(redirect?.location).toEqual({ target: 'partner', userinfo: '' });
    expect(redirect?.preflight?.status).toBe('204');
  });

  test('redirect hop without a redirect status is invalid', () => {
    const answers = { ...newCaseDraft().answers, redirects: [{ ...newRedirectDraft(), status: '200' }] };
    const result = parseAnswers(answersInput(answers));

    expect(result.ok || messagesAt(result.issues, 'answers.redirects[0].status')[0]).toContain('redirect status');
  });
});

describe('draftFromJson', () => {
  test('keeps invalid text', () => {
    const draft = draftFromJson({
      request: { pageOrigin: 'partner', target: 'proxy', method: 'GE T', credentials: 'always' },
      answers: { response: { status: 'abc', headers: [['X Y', 'z']] } },
    });

    expect(draft.request).toMatchObject({ pageOrigin: 'partner', target: 'proxy', method: 'GE T' });
    expect(draft.request.credentials).toBe('same-origin');
    expect(draft.answers.response).toMatchObject({ status: 'abc', headers: [{ name: 'X Y', value: 'z' }] });
  });

  test('keeps a known expected outcome', () => {
    expect(draftFromJson({ expected: { verdict: 'blocked', stage: 'preflight' } }).expected).toEqual({
      verdict: 'blocked',
      stage: 'preflight',
    });
    expect(draftFromJson({ expected: { verdict: 'maybe' } }).expected).toBeUndefined();
  });

  test('reads redirects and preflights', () => {
    const answers = answersDraftFromJson({
      preflight: { status: 204 },
      redirects: [{ status: 308, location: { target: 'nowhere', userinfo: 'u:p' } }, 'junk'],
    });

    expect(answers.preflight?.status).toBe('204');
    expect(answers.redirects.map((redirect) => [redirect.status, redirect.location])).toEqual([
      ['308', { target: 'api', userinfo: 'u:p' }],
      ['307', { target: 'api', userinfo: '' }],
    ]);
  });
});

describe('draft edits', () => {
  const headers = [
    { name: 'Authorization', value: 'Bearer x' },
    { name: 'content-type', value: 'text/plain' },
  ];

  test('content type reads the first Content-Type', () => {
    expect(contentTypeOf(headers)).toBe('text/plain');
    expect(contentTypeOf([])).toBe('');
  });

  test('content type replaces in place', () => {
    expect(withContentType(headers, 'application/json')).toEqual([
      headers[0],
      { name: 'content-type', value: 'application/json' },
    ]);
  });

  test('content type is added at the end', () => {
    expect(withContentType(removeAt(headers, 1), 'text/csv')).toEqual([
      headers[0],
      { name: 'Content-Type', value: 'text/csv' },
    ]);
  });

  test('empty content type removes the header', () => {
    expect(withContentType(headers, '')).toEqual([headers[0]]);
  });

  test('issuesUnder matches a path and its children only', () => {
    const issues = [
      { path: 'answers.redirects', message: 'list' },
      { path: 'answers.redirects[0].status', message: 'status' },
      { path: 'answers.redirectsX', message: 'other' },
    ];

    expect(issuesUnder(issues, 'answers.redirects').map((issue) => issue.message)).toEqual(['list', 'status']);
  });
});
