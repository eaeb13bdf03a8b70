import { describe, expect, it } from 'vitest';
import { caseLimits } from './limits.ts';
import { allowedGet } from './test-cases.ts';
import { formatIssues, parseCase, parseCaseJson, type CaseIssue } from './validate.ts';

/** Returns the issues of an input that must be invalid. */
function issuesOf(input: unknown): CaseIssue[] {
  const result = parseCase(input);
  if (result.ok) throw new Error('expected the case to be invalid');
  return result.issues;
}

/** A copy of the allowed GET with one part of its request or response replaced. */
function withRequest(request: Record<string, unknown>): unknown {
  return { ...allowedGet, request: { ...allowedGet.request, ...request } };
}

function withResponse(response: Record<string, unknown>): unknown {
  return { ...allowedGet, answers: { response: { ...allowedGet.answers.response, ...response } } };
}

describe('parseCase', () => {
  it('fills in the defaults', () => {
    const result = parseCase(allowedGet);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.request).toMatchObject({
      initiator: 'fetch',
      method: 'GET',
      headers: [],
      credentials: 'same-origin',
      mode: 'cors',
      redirect: 'follow',
    });
    expect(result.value.answers.redirects).toEqual([]);
  });

  it('accepts an opaque page origin', () => {
    expect(parseCase(withRequest({ pageOrigin: 'null' })).ok).toBe(true);
  });

  it.each([
    ['header name with a space', withRequest({ headers: [['X Bad', '1']] }), 'request.headers[0][0]', 'token'],
    ['header name with a colon', withRequest({ headers: [['X-A:', '1']] }), 'request.headers[0][0]', 'token'],
    [
      'header value with CR LF',
      withRequest({ headers: [['X-A', 'a\r\nSet-Cookie: x=1']] }),
      'request.headers[0][1]',
      'CR, LF',
    ],
    [
      'header value with NUL',
      withResponse({ headers: [['X-A', 'a\u0000b']] }),
      'answers.response.headers[0][1]',
      'NUL',
    ],
    ['status below 200', withResponse({ status: 101 }), 'answers.response.status', 'at least 200'],
    ['status above 599', withResponse({ status: 600 }), 'answers.response.status', 'at most 599'],
    ['fractional status', withResponse({ status: 200.5 }), 'answers.response.status', 'whole number'],
    ['unknown page origin', withRequest({ pageOrigin: 'evil' }), 'request.pageOrigin', '"app"'],
    ['unknown target', withRequest({ target: 'app' }), 'request.target', '"partner"'],
    ['unknown credentials mode', withRequest({ credentials: 'always' }), 'request.credentials', '"include"'],
    ['method with a space', withRequest({ method: 'GET /' }), 'request.method', 'token'],
    [
      'cookie for the whole host',
      withResponse({ headers: [['Set-Cookie', 'a=1; Path=/; HttpOnly']] }),
      'answers.response.headers[0][1]',
      'must start with /lab or /scenarios/, not "/"',
    ],
    [
      'cookie with a Domain',
      withResponse({ headers: [['Set-Cookie', 'a=1; Domain=localhost']] }),
      'answers.response.headers[0][1]',
      'Domain attribute',
    ],
    [
      'Location set by hand',
      withResponse({ headers: [['Location', 'https://example.com/']] }),
      'answers.response.headers[0][0]',
      'location field',
    ],
    [
      'Refresh header',
      withResponse({ headers: [['refresh', '0; url=https://example.com/']] }),
      'answers.response.headers[0][0]',
      'any address',
    ],
    ['body on a 204', withResponse({ status: 204 }), 'answers.response.body', 'has no body'],
    ['invalid base64 body', withResponse({ bodyEncoding: 'base64', body: 'abcde' }), 'answers.response.body', 'base64'],
    [
      'userinfo with an at sign',
      {
        ...allowedGet,
        answers: { ...allowedGet.answers, redirects: [{ status: 302, location: { target: 'api', userinfo: 'a@b' } }] },
      },
      'answers.redirects[0].location.userinfo',
      'user:password',
    ],
    [
      'redirect without a redirect status',
      { ...allowedGet, answers: { ...allowedGet.answers, redirects: [{ status: 200, location: { target: 'api' } }] } },
      'answers.redirects[0].status',
      '301, 302, 303, 307, 308',
    ],
    [
      'stage on an allowed verdict',
      { ...allowedGet, expected: { verdict: 'allowed', stage: 'response' } },
      'expected.stage',
      'Only a blocked verdict',
    ],
    ['unknown field', { ...allowedGet, extra: 1 }, '(root)', 'Allowed fields: $schema, version'],
    [
      'unknown request field',
      withRequest({ url: 'http://x' }),
      'request',
      'Allowed fields: pageOrigin, pageHost, target',
    ],
    ['missing response', { ...allowedGet, answers: {} }, 'answers.response', 'Missing required field'],
    ['wrong version', { ...allowedGet, version: 2 }, 'version', 'version 1'],
  ])('rejects %s', (_title, input, path, words) => {
    const issue = issuesOf(input).find((candidate) => candidate.path === path);

    expect(issue, `an issue at ${path}`).toBeDefined();
    expect(issue!.message).toContain(words);
  });

  it('bounds the number of headers', () => {
    const headers = Array.from({ length: caseLimits.headerCount + 1 }, (_, index) => [`X-${index}`, '1']);

    const [issue] = issuesOf(withResponse({ headers }));

    expect(issue?.path).toBe('answers.response.headers');
    expect(issue?.message).toContain(`at most ${caseLimits.headerCount} headers`);
  });

  it('bounds the number of redirect hops', () => {
    const redirects = Array.from({ length: caseLimits.redirectCount + 1 }, () => ({
      status: 302,
      location: { target: 'api' },
    }));

    const [issue] = issuesOf({ ...allowedGet, answers: { ...allowedGet.answers, redirects } });

    expect(issue?.path).toBe('answers.redirects');
    expect(issue?.message).toContain(`at most ${caseLimits.redirectCount} redirect hops`);
  });

  it('bounds header values and bodies', () => {
    const issues = issuesOf(
      withResponse({
        headers: [['X-Long', 'a'.repeat(caseLimits.headerValueLength + 1)]],
        body: 'b'.repeat(caseLimits.answerBodyLength + 1),
      }),
    );

    expect(issues.map((issue) => issue.path)).toEqual(['answers.response.headers[0][1]', 'answers.response.body']);
  });

  it('reports every invalid field at once', () => {
    const issues = issuesOf(withRequest({ pageOrigin: 'evil', method: '', credentials: 1 }));

    expect(issues.map((issue) => issue.path)).toEqual(['request.pageOrigin', 'request.method', 'request.credentials']);
  });
});

describe('parseCaseJson', () => {
  it('reports invalid JSON at the root', () => {
    const result = parseCaseJson('{"version": 1,');

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatIssues(result.issues)).toMatch(/^\(root\): Invalid JSON: /);
  });
});
