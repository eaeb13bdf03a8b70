import { describe, expect, it } from 'vitest';
import type { CorsError } from '../chromium-messages.ts';
import { evaluate } from './evaluate.ts';
import { parseTokenList } from './header-lists.ts';
import {
  allowed,
  answer,
  apiOrigin,
  apiUrl,
  pageOrigin,
  preflightAllows,
  redirectTo,
  respondWith,
} from './test-helpers.ts';
import type { CorsRequest, Evaluation, HopResponse } from './types.ts';

/** Sends `request` to the API, whose preflight and actual responses are given. */
function run(
  request: Partial<CorsRequest>,
  preflight: HopResponse | undefined,
  actual: HopResponse = allowed(),
): Evaluation {
  const full: CorsRequest = { origin: pageOrigin, url: apiUrl, method: 'GET', ...request };
  const table: Record<string, HopResponse> = { [`${full.method.toUpperCase()} ${full.url}`]: actual };
  if (full.method !== full.method.toUpperCase()) table[`${full.method} ${full.url}`] = actual;
  if (preflight !== undefined) table[`OPTIONS ${full.url}`] = preflight;
  return evaluate(full, respondWith(table));
}

/** A preflight response that allows every method and header these tests use. */
const permissivePreflight = preflightAllows({
  'Access-Control-Allow-Methods': 'PUT, DELETE, patch, PATCH, POST',
  'Access-Control-Allow-Headers':
    'x-api-key, authorization, content-type, accept-language, accept, content-language, range, x-zeta',
});

function corsErrorOf(evaluation: Evaluation): CorsError | undefined {
  return evaluation.outcome.verdict === 'blocked' && evaluation.outcome.kind === 'cors'
    ? evaluation.outcome.corsError
    : undefined;
}

describe('preflight need', () => {
  // A preflight precedes a cors-mode request unless its method is GET, HEAD or POST and every
  // header is a CORS-safelisted request-header (with the 128- and 1024-byte limits).
  it.each<readonly [string, Partial<CorsRequest>, boolean]>([
    ['GET without headers', {}, false],
    ['HEAD without headers', { method: 'HEAD' }, false],
    ['POST with text/plain', { method: 'POST', headers: { 'Content-Type': 'text/plain' } }, false],
    [
      'POST with form encoding',
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      false,
    ],
    ['POST with multipart', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } }, false],
    ['POST with string body', { method: 'POST', body: 'a=1' }, false],
    ['POST with JSON', { method: 'POST', headers: { 'Content-Type': 'application/json' } }, true],
    ['PUT', { method: 'PUT' }, true],
    ['DELETE', { method: 'DELETE' }, true],
    ['lowercase patch', { method: 'patch' }, true],
    ['custom header', { headers: { 'X-Api-Key': 'k' } }, true],
    ['Authorization header', { headers: { Authorization: 'Bearer t' } }, true],
    ['Accept: application/json', { headers: { Accept: 'application/json' } }, false],
    ['Accept-Language over 128 bytes', { headers: { 'Accept-Language': 'a'.repeat(129) } }, true],
    ['quoted charset', { method: 'POST', headers: { 'Content-Type': 'text/plain; charset="utf-8"' } }, true],
    ['simple Range', { headers: { Range: 'bytes=0-99' } }, false],
    ['suffix Range', { headers: { Range: 'bytes=-500' } }, true],
    ['forbidden header only', { headers: { Cookie: 'a=1' } }, false],
    ['same-origin PUT', { method: 'PUT', url: `${pageOrigin}/data` }, false],
    ['no-cors custom header', { mode: 'no-cors', headers: { 'X-Api-Key': 'k' } }, false],
  ])('%s', (_title, request, preflighted) => {
    const evaluation = run(request, permissivePreflight);

    expect(evaluation.exchanges[0]?.request.role).toBe(preflighted ? 'preflight' : 'actual');
  });

  it('safelisted values over 1024 bytes', () => {
    // Nine Accept lines of 128 bytes are each safelisted, but together exceed 1024 bytes.
    const headers: [string, string][] = Array.from({ length: 9 }, () => ['Accept', 'a'.repeat(128)]);
    const evaluation = run({ headers }, permissivePreflight);

    expect(evaluation.exchanges[0]?.request.accessControlRequestHeaders).toBe('accept');
  });

  it('exactly 1024 bytes needs none', () => {
    const headers: [string, string][] = Array.from({ length: 8 }, () => ['Accept', 'a'.repeat(128)]);
    const evaluation = run({ headers }, permissivePreflight);

    expect(evaluation.exchanges[0]?.request.role).toBe('actual');
  });

  it('normalizes lowercase put', () => {
    const evaluation = run({ method: 'put' }, permissivePreflight);

    expect(evaluation.exchanges[0]?.request.accessControlRequestMethod).toBe('PUT');
  });

  it('keeps lowercase patch', () => {
    const evaluation = run({ method: 'patch' }, permissivePreflight);

    expect(evaluation.exchanges[0]?.request.accessControlRequestMethod).toBe('patch');
  });

  it('sorts and lowercases requested headers', () => {
    const evaluation = run(
      { headers: { 'X-Zeta': '1', Authorization: 'Bearer t', Accept: '*/*' } },
      permissivePreflight,
    );

    expect(evaluation.exchanges[0]?.request.accessControlRequestHeaders).toBe('authorization,x-zeta');
  });

  it('omits request headers when none', () => {
    const evaluation = run({ method: 'PUT' }, permissivePreflight);

    expect(evaluation.exchanges[0]?.request.accessControlRequestHeaders).toBeUndefined();
  });

  it('preflight carries page origin', () => {
    const evaluation = run({ method: 'PUT' }, permissivePreflight);

    expect(evaluation.exchanges[0]?.request.origin).toBe(pageOrigin);
  });

  it('preflight never carries credentials', () => {
    const evaluation = run({ method: 'PUT', credentials: 'include' }, permissivePreflight);

    expect(evaluation.exchanges[0]?.request.credentials).toBe(false);
  });

  it('preflight accepts any type', () => {
    const evaluation = run({ method: 'PUT' }, permissivePreflight);

    expect(evaluation.exchanges[0]?.request.headers).toContainEqual(['accept', '*/*']);
  });

  it('actual request follows preflight', () => {
    const evaluation = run({ method: 'PUT' }, permissivePreflight);

    expect(evaluation.exchanges.map(({ request }) => request.role)).toEqual(['preflight', 'actual']);
  });
});

describe('preflight checks', () => {
  // The preflight response must pass the CORS check and have an ok status; then the method and
  // every CORS-unsafe header name must be allowed. A redirect always fails.
  it.each<readonly [string, Partial<CorsRequest>, HopResponse, CorsError | 'allowed']>([
    [
      '204 with method passes',
      { method: 'PUT' },
      preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }),
      'allowed',
    ],
    [
      '200 passes',
      { method: 'PUT' },
      { ...preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }), status: 200 },
      'allowed',
    ],
    [
      '299 passes',
      { method: 'PUT' },
      { ...preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }), status: 299 },
      'allowed',
    ],
    ['401 fails status', { method: 'PUT' }, { ...preflightAllows(), status: 401 }, 'PreflightInvalidStatus'],
    ['404 fails status', { method: 'PUT' }, { ...preflightAllows(), status: 404 }, 'PreflightInvalidStatus'],
    ['500 fails status', { method: 'PUT' }, { ...preflightAllows(), status: 500 }, 'PreflightInvalidStatus'],
    ['300 without location fails', { method: 'PUT' }, { ...preflightAllows(), status: 300 }, 'PreflightInvalidStatus'],
    ['401 without ACAO', { method: 'PUT' }, answer(401), 'PreflightMissingAllowOriginHeader'],
    [
      'missing ACAO',
      { method: 'PUT' },
      answer(204, { 'Access-Control-Allow-Methods': 'PUT' }),
      'PreflightMissingAllowOriginHeader',
    ],
    [
      'mismatched ACAO',
      { method: 'PUT' },
      answer(204, { 'Access-Control-Allow-Origin': 'http://evil.test', 'Access-Control-Allow-Methods': 'PUT' }),
      'PreflightAllowOriginMismatch',
    ],
    [
      'duplicate ACAO',
      { method: 'PUT' },
      answer(204, [
        ['Access-Control-Allow-Origin', pageOrigin],
        ['Access-Control-Allow-Origin', pageOrigin],
      ]),
      'PreflightMultipleAllowOriginValues',
    ],
    [
      'invalid ACAO',
      { method: 'PUT' },
      answer(204, { 'Access-Control-Allow-Origin': 'foo' }),
      'PreflightInvalidAllowOriginValue',
    ],
    [
      'wildcard ACAO with credentials',
      { method: 'PUT', credentials: 'include' },
      answer(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' }),
      'PreflightWildcardOriginNotAllowed',
    ],
    [
      'missing ACAC with credentials',
      { method: 'PUT', credentials: 'include' },
      preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }),
      'PreflightInvalidAllowCredentials',
    ],
    ['308 redirect', { method: 'PUT' }, redirectTo(`${apiUrl}/`, {}, 308), 'PreflightDisallowedRedirect'],
    [
      '302 with CORS headers',
      { method: 'PUT' },
      redirectTo(`${apiUrl}/`, { 'Access-Control-Allow-Origin': pageOrigin, 'Access-Control-Allow-Methods': 'PUT' }),
      'PreflightDisallowedRedirect',
    ],
    [
      'method not listed',
      { method: 'PUT' },
      preflightAllows({ 'Access-Control-Allow-Methods': 'GET, POST' }),
      'MethodDisallowedByPreflightResponse',
    ],
    ['no ACAM', { method: 'PUT' }, preflightAllows(), 'MethodDisallowedByPreflightResponse'],
    [
      'lowercase put listed',
      { method: 'PUT' },
      preflightAllows({ 'Access-Control-Allow-Methods': 'put' }),
      'MethodDisallowedByPreflightResponse',
    ],
    [
      'PATCH for patch',
      { method: 'patch' },
      preflightAllows({ 'Access-Control-Allow-Methods': 'PATCH' }),
      'MethodDisallowedByPreflightResponse',
    ],
    ['patch for patch', { method: 'patch' }, preflightAllows({ 'Access-Control-Allow-Methods': 'patch' }), 'allowed'],
    [
      'header not listed',
      { method: 'POST', headers: { 'Content-Type': 'application/json' } },
      preflightAllows({ 'Access-Control-Allow-Headers': 'Authorization' }),
      'HeaderDisallowedByPreflightResponse',
    ],
    [
      'header case ignored',
      { headers: { 'X-Api-Key': 'k' } },
      preflightAllows({ 'Access-Control-Allow-Headers': 'X-API-KEY' }),
      'allowed',
    ],
    [
      'safelisted method needs no ACAM',
      { method: 'POST', headers: { 'X-Api-Key': 'k' } },
      preflightAllows({ 'Access-Control-Allow-Headers': 'x-api-key' }),
      'allowed',
    ],
    [
      'credentials with ACAC pass',
      { method: 'PUT', credentials: 'include' },
      preflightAllows({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Credentials': 'true' }),
      'allowed',
    ],
  ])('%s', (_title, request, preflight, expected) => {
    const actual = allowed({ 'Access-Control-Allow-Credentials': 'true' });
    const evaluation = run(request, preflight, actual);

    expect(corsErrorOf(evaluation) ?? evaluation.verdict).toBe(expected);
  });

  it('failed preflight skips actual request', () => {
    const evaluation = run({ method: 'PUT' }, preflightAllows({ 'Access-Control-Allow-Methods': 'GET' }));

    expect(evaluation.exchanges.map(({ request }) => request.method)).toEqual(['OPTIONS']);
  });

  it('401 without ACAO faults status', () => {
    const evaluation = run({ method: 'PUT' }, answer(401));

    expect(evaluation.outcome).toMatchObject({ stage: 'preflight', fault: { exchange: 'preflight', status: true } });
  });

  it('reports first missing header', () => {
    const evaluation = run(
      { headers: { 'X-Zeta': '1', 'X-Api-Key': 'k' } },
      preflightAllows({ 'Access-Control-Allow-Headers': 'x-zeta' }),
    );

    expect(evaluation.outcome).toMatchObject({ detail: { header: 'x-api-key' } });
  });

  it('suggests the completed method list', () => {
    const evaluation = run({ method: 'PUT' }, preflightAllows({ 'Access-Control-Allow-Methods': 'GET,POST' }));

    expect(evaluation.outcome).toMatchObject({
      fault: { header: 'Access-Control-Allow-Methods', actual: 'GET,POST', expected: 'GET, POST, PUT' },
    });
  });

  it('actual response needs ACAO too', () => {
    const evaluation = run({ method: 'PUT' }, preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }), answer(200));

    expect(evaluation.outcome).toMatchObject({ stage: 'response', corsError: 'MissingAllowOriginHeader' });
    expect(evaluation.exchanges).toHaveLength(2);
  });

  it('unanswered preflight is network error', () => {
    const evaluation = run({ method: 'PUT' }, undefined);

    expect(evaluation.outcome).toMatchObject({ kind: 'network-error', reason: 'no-response', stage: 'preflight' });
  });
});

describe('list parsing', () => {
  // `#method` and `#field-name` lists: comma-separated tokens, empty elements allowed.
  it.each<readonly [string, string | undefined, readonly string[] | { invalid: string }]>([
    ['comma and space', 'GET, PUT', ['GET', 'PUT']],
    ['comma only', 'GET,PUT', ['GET', 'PUT']],
    ['surrounding spaces', '  PUT  ', ['PUT']],
    ['tabs around items', 'GET,\tPUT', ['GET', 'PUT']],
    ['empty element', 'PUT,,GET', ['PUT', 'GET']],
    ['empty value', '', []],
    ['lone comma', ',', []],
    ['absent header', undefined, []],
    ['wildcard token', '*', ['*']],
    ['token punctuation', "x-a_b.c!#$%&'*+^`|~", ["x-a_b.c!#$%&'*+^`|~"]],
    ['space inside item', 'PUT, BAD METHOD', { invalid: 'BAD METHOD' }],
    ['semicolon', 'PUT;', { invalid: 'PUT;' }],
    ['slash', 'text/plain', { invalid: 'text/plain' }],
    ['quoted item', '"PUT"', { invalid: '"PUT"' }],
    ['colon', 'x:y', { invalid: 'x:y' }],
  ])('%s', (_title, value, expected) => {
    const parsed = parseTokenList(value);

    expect(parsed).toEqual(
      Array.isArray(expected)
        ? { ok: true, items: expected }
        : { ok: false, invalidToken: (expected as { invalid: string }).invalid },
    );
  });

  it('bad ACAM fails preflight', () => {
    const evaluation = run({ method: 'PUT' }, preflightAllows({ 'Access-Control-Allow-Methods': 'PUT, BAD METHOD' }));

    expect(corsErrorOf(evaluation)).toBe('InvalidAllowMethodsPreflightResponse');
  });

  it('bad ACAH fails preflight', () => {
    const evaluation = run(
      { headers: { 'X-Api-Key': 'k' } },
      preflightAllows({ 'Access-Control-Allow-Headers': 'x-api-key, bad header' }),
    );

    expect(corsErrorOf(evaluation)).toBe('InvalidAllowHeadersPreflightResponse');
  });

  it('bad ACAM reported before ACAH', () => {
    const evaluation = run(
      { method: 'PUT', headers: { 'X-Api-Key': 'k' } },
      preflightAllows({ 'Access-Control-Allow-Methods': 'P UT', 'Access-Control-Allow-Headers': 'x y' }),
    );

    expect(corsErrorOf(evaluation)).toBe('InvalidAllowMethodsPreflightResponse');
  });

  it('bad list fails even unneeded', () => {
    const evaluation = run(
      { method: 'POST', headers: { 'X-Api-Key': 'k' } },
      preflightAllows({ 'Access-Control-Allow-Methods': 'BAD METHOD', 'Access-Control-Allow-Headers': 'x-api-key' }),
    );

    expect(corsErrorOf(evaluation)).toBe('InvalidAllowMethodsPreflightResponse');
  });

  it('two ACAM lines combine', () => {
    const evaluation = run(
      { method: 'PUT' },
      answer(204, [
        ['Access-Control-Allow-Origin', pageOrigin],
        ['Access-Control-Allow-Methods', 'GET'],
        ['Access-Control-Allow-Methods', 'PUT'],
      ]),
    );

    expect(evaluation.verdict).toBe('allowed');
  });
});

describe('wildcard rules', () => {
  // `*` in Access-Control-Allow-Methods and -Headers is a wildcard only for requests without
  // credentials; with credentials it only matches a method or header literally named `*`.
  const withCredentials = { 'Access-Control-Allow-Credentials': 'true' };
  it.each<readonly [string, Partial<CorsRequest>, Record<string, string>, CorsError | 'allowed']>([
    ['ACAM star without credentials', { method: 'PUT' }, { 'Access-Control-Allow-Methods': '*' }, 'allowed'],
    [
      'ACAM star with credentials',
      { method: 'PUT', credentials: 'include' },
      { 'Access-Control-Allow-Methods': '*', ...withCredentials },
      'MethodDisallowedByPreflightResponse',
    ],
    [
      'ACAM star plus PUT with credentials',
      { method: 'PUT', credentials: 'include' },
      { 'Access-Control-Allow-Methods': '*, PUT', ...withCredentials },
      'allowed',
    ],
    ['ACAM star covers lowercase', { method: 'patch' }, { 'Access-Control-Allow-Methods': '*' }, 'allowed'],
    [
      'ACAH star without credentials',
      { headers: { 'X-Api-Key': 'k' } },
      { 'Access-Control-Allow-Headers': '*' },
      'allowed',
    ],
    [
      'ACAH star with credentials',
      { headers: { 'X-Api-Key': 'k' }, credentials: 'include' },
      { 'Access-Control-Allow-Headers': '*', ...withCredentials },
      'HeaderDisallowedByPreflightResponse',
    ],
    [
      'ACAH star plus name with credentials',
      { headers: { 'X-Api-Key': 'k' }, credentials: 'include' },
      { 'Access-Control-Allow-Headers': '*, X-Api-Key', ...withCredentials },
      'allowed',
    ],
    [
      'all stars without credentials',
      { method: 'PUT', headers: { 'X-Api-Key': 'k' } },
      { 'Access-Control-Allow-Methods': '*', 'Access-Control-Allow-Headers': '*' },
      'allowed',
    ],
    [
      'same-origin credentials keep wildcard',
      { method: 'PUT', credentials: 'same-origin' },
      { 'Access-Control-Allow-Methods': '*' },
      'allowed',
    ],
  ])('%s', (_title, request, preflightHeaders, expected) => {
    const actual = allowed(withCredentials);
    const evaluation = run(request, preflightAllows(preflightHeaders), actual);

    expect(corsErrorOf(evaluation) ?? evaluation.verdict).toBe(expected);
  });

  it('star ACAO allows PUT', () => {
    const star = { 'Access-Control-Allow-Origin': '*' };
    const evaluation = run(
      { method: 'PUT' },
      answer(204, { ...star, 'Access-Control-Allow-Methods': '*' }),
      answer(200, star),
    );

    expect(evaluation.verdict).toBe('allowed');
  });
});

describe('Authorization exception', () => {
  // Authorization is the CORS non-wildcard request-header name: the standard requires it to be
  // listed by name even under `*`. Chromium 156 lets `*` cover it and only warns.
  const bearer = { headers: { Authorization: 'Bearer t' } };

  it('Chromium allows under star', () => {
    const evaluation = run(bearer, preflightAllows({ 'Access-Control-Allow-Headers': '*' }));

    expect(evaluation.verdict).toBe('allowed');
  });

  it('standard blocks under star', () => {
    const evaluation = run(bearer, preflightAllows({ 'Access-Control-Allow-Headers': '*' }));

    expect(evaluation.standard?.outcome).toMatchObject({
      verdict: 'blocked',
      corsError: 'HeaderDisallowedByPreflightResponse',
      detail: { header: 'authorization' },
    });
  });

  it('standard sends only preflight', () => {
    const evaluation = run(bearer, preflightAllows({ 'Access-Control-Allow-Headers': '*' }));

    expect(evaluation.standard?.exchanges.map(({ request }) => request.role)).toEqual(['preflight']);
  });

  it('deviation is labelled', () => {
    const evaluation = run(bearer, preflightAllows({ 'Access-Control-Allow-Headers': '*' }));

    expect(evaluation.deviation?.rule).toBe('authorization-covered-by-wildcard');
  });

  it('explicit name has no deviation', () => {
    const evaluation = run(bearer, preflightAllows({ 'Access-Control-Allow-Headers': '*, Authorization' }));

    expect(evaluation.verdict).toBe('allowed');
    expect(evaluation.standard).toBeUndefined();
  });

  it('lowercase name is enough', () => {
    const evaluation = run(bearer, preflightAllows({ 'Access-Control-Allow-Headers': 'authorization' }));

    expect(evaluation.verdict).toBe('allowed');
  });

  it('star with credentials blocks both', () => {
    const evaluation = run(
      { ...bearer, credentials: 'include' },
      preflightAllows({ 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Credentials': 'true' }),
    );

    expect(corsErrorOf(evaluation)).toBe('HeaderDisallowedByPreflightResponse');
    expect(evaluation.deviation).toBeUndefined();
  });

  it('unlisted without star blocks both', () => {
    const evaluation = run(bearer, preflightAllows({ 'Access-Control-Allow-Headers': 'x-api-key' }));

    expect(evaluation.outcome).toMatchObject({
      corsError: 'HeaderDisallowedByPreflightResponse',
      detail: { header: 'authorization' },
    });
    expect(evaluation.deviation).toBeUndefined();
  });

  it('Firefox reason follows standard', () => {
    const evaluation = run(bearer, preflightAllows({ 'Access-Control-Allow-Headers': '*' }));

    expect(evaluation.firefox?.key).toBe('CORSMissingAllowHeaderFromPreflight2');
  });

  it('explanation names the fix', () => {
    const evaluation = run(bearer, preflightAllows({ 'Access-Control-Allow-Headers': '*' }));

    expect(evaluation.explanation).toContain('Access-Control-Allow-Headers: *, Authorization');
  });

  it('cross-origin redirect drops Authorization', () => {
    const target = 'http://other.test/data';
    const evaluation = evaluate(
      { origin: pageOrigin, url: apiUrl, method: 'GET', ...bearer },
      respondWith({
        [`OPTIONS ${apiUrl}`]: preflightAllows({ 'Access-Control-Allow-Headers': 'authorization' }),
        [`GET ${apiUrl}`]: redirectTo(target, { 'Access-Control-Allow-Origin': pageOrigin }),
        [`GET ${target}`]: answer(200, { 'Access-Control-Allow-Origin': '*' }),
      }),
    );

    expect(evaluation.exchanges.map(({ request }) => `${request.method} ${new URL(request.url).origin}`)).toEqual([
      `OPTIONS ${apiOrigin}`,
      `GET ${apiOrigin}`,
      'GET http://other.test',
    ]);
    expect(evaluation.exchanges[2]?.request.headers.some(([name]) => name === 'authorization')).toBe(false);
  });
});
