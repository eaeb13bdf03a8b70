import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { firefoxText, httpErrorLine } from './messages.ts';
import {
  allowed,
  answer,
  apiUrl,
  otherOrigin,
  pageOrigin,
  preflightAllows,
  redirectTo,
  respondWith,
} from './test-helpers.ts';
import type { CorsRequest, Evaluation, FirefoxReasonKey, HopResponse } from './types.ts';

const blockedPrefix = `Access to fetch at '${apiUrl}' from origin '${pageOrigin}' has been blocked by CORS policy: `;
const preflightPrefix = "Response to preflight request doesn't pass access control check: ";

function run(request: Partial<CorsRequest>, table: Readonly<Record<string, HopResponse>>): Evaluation {
  return evaluate({ origin: pageOrigin, url: apiUrl, method: 'GET', ...request }, respondWith(table));
}

const getWith = (headers: HopResponse['headers'], status = 200): Record<string, HopResponse> => ({
  [`GET ${apiUrl}`]: answer(status, headers),
});
const preflightWith = (response: HopResponse): Record<string, HopResponse> => ({
  [`OPTIONS ${apiUrl}`]: response,
  [`PUT ${apiUrl}`]: allowed(),
});

describe('Chromium messages', () => {
  // Chromium 156 prints "Access to {kind} at '{url}' from origin '{origin}' has been blocked by
  // CORS policy: {reason}" followed by "Failed to load resource: net::ERR_FAILED".
  it.each<readonly [string, Partial<CorsRequest>, Record<string, HopResponse>, string]>([
    ['missing ACAO', {}, getWith({}), "No 'Access-Control-Allow-Origin' header is present on the requested resource."],
    [
      'mismatch with fetch suffix',
      {},
      getWith({ 'Access-Control-Allow-Origin': `${pageOrigin}/` }),
      `The 'Access-Control-Allow-Origin' header has a value '${pageOrigin}/' that is not equal to the supplied origin. Have the server send the header with a valid value.`,
    ],
    [
      'duplicate lines joined',
      {},
      getWith([
        ['Access-Control-Allow-Origin', pageOrigin],
        ['Access-Control-Allow-Origin', pageOrigin],
      ]),
      `The 'Access-Control-Allow-Origin' header contains multiple values '${pageOrigin}, ${pageOrigin}', but only one is allowed. Have the server send the header with a valid value.`,
    ],
    [
      'empty ACAC quoted',
      { credentials: 'include' },
      getWith({ 'Access-Control-Allow-Origin': pageOrigin }),
      "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
    ],
    [
      'preflight status',
      { method: 'PUT' },
      preflightWith(answer(403, { 'Access-Control-Allow-Origin': pageOrigin })),
      `${preflightPrefix}It does not have HTTP ok status.`,
    ],
    [
      'preflight redirect',
      { method: 'PUT' },
      preflightWith(redirectTo(`${apiUrl}/`, {}, 301)),
      `${preflightPrefix}Redirect is not allowed for a preflight request.`,
    ],
    [
      'method without prefix',
      { method: 'PUT' },
      preflightWith(preflightAllows({ 'Access-Control-Allow-Methods': 'GET' })),
      'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.',
    ],
    [
      'header without prefix',
      { method: 'PUT', headers: { 'X-Api-Key': 'k' } },
      preflightWith(preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' })),
      'Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.',
    ],
    [
      'unparseable ACAH',
      { method: 'PUT', headers: { 'X-Api-Key': 'k' } },
      preflightWith(preflightAllows({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'a b' })),
      'Cannot parse Access-Control-Allow-Headers response header field in preflight response.',
    ],
  ])('%s', (_title, request, table, reason) => {
    const evaluation = run(request, table);

    expect(evaluation.consoleMessage).toBe(blockedPrefix + reason);
  });

  it('second line is ERR_FAILED', () => {
    const evaluation = run({}, getWith({}));

    expect(evaluation.consoleLines).toEqual([
      `${blockedPrefix}No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
      'Failed to load resource: net::ERR_FAILED',
    ]);
  });

  it('XHR names XMLHttpRequest', () => {
    const evaluation = run({ initiator: 'xhr' }, getWith({}));

    expect(evaluation.consoleMessage).toMatch(/^Access to XMLHttpRequest at /);
  });

  it('XHR omits value suffix', () => {
    const evaluation = run({ initiator: 'xhr' }, getWith({ 'Access-Control-Allow-Origin': 'http://evil.test' }));

    expect(evaluation.consoleMessage).toMatch(/not equal to the supplied origin\.$/);
  });

  it('readable 500 prints status line', () => {
    const evaluation = run({}, getWith({ 'Access-Control-Allow-Origin': pageOrigin }, 500));

    expect(evaluation.consoleLines).toEqual([
      'Failed to load resource: the server responded with a status of 500 (Internal Server Error)',
    ]);
  });

  it('readable 200 prints nothing', () => {
    const evaluation = run({}, getWith({ 'Access-Control-Allow-Origin': pageOrigin }));

    expect(evaluation.consoleLines).toEqual([]);
  });

  it('unknown status has no phrase', () => {
    expect(httpErrorLine(599)).toBe('Failed to load resource: the server responded with a status of 599');
  });

  it('unanswered request prints nothing', () => {
    const evaluation = run({}, {});

    expect(evaluation.consoleLines).toEqual([]);
  });
});

describe('Firefox reasons', () => {
  // Mapped from Gecko's source (nsCORSListenerProxy.cpp), texts from security.properties.
  it.each<readonly [string, Partial<CorsRequest>, Record<string, HopResponse>, FirefoxReasonKey | undefined]>([
    ['missing ACAO', {}, getWith({}), 'CORSMissingAllowOrigin2'],
    [
      'mismatch',
      {},
      getWith({ 'Access-Control-Allow-Origin': 'http://evil.test' }),
      'CORSAllowOriginNotMatchingOrigin',
    ],
    ['invalid value', {}, getWith({ 'Access-Control-Allow-Origin': 'foo' }), 'CORSAllowOriginNotMatchingOrigin'],
    [
      'comma list in one line',
      {},
      getWith({ 'Access-Control-Allow-Origin': `${pageOrigin}, ${otherOrigin}` }),
      'CORSAllowOriginNotMatchingOrigin',
    ],
    [
      'two header lines',
      {},
      getWith([
        ['Access-Control-Allow-Origin', pageOrigin],
        ['Access-Control-Allow-Origin', pageOrigin],
      ]),
      'CORSMultipleAllowOriginNotAllowed',
    ],
    [
      'wildcard with credentials',
      { credentials: 'include' },
      getWith({ 'Access-Control-Allow-Origin': '*' }),
      'CORSNotSupportingCredentials',
    ],
    [
      'missing ACAC',
      { credentials: 'include' },
      getWith({ 'Access-Control-Allow-Origin': pageOrigin }),
      'CORSMissingAllowCredentials',
    ],
    [
      'preflight status',
      { method: 'PUT' },
      preflightWith(answer(401, { 'Access-Control-Allow-Origin': pageOrigin })),
      'CORSPreflightDidNotSucceed3',
    ],
    [
      'preflight redirect',
      { method: 'PUT' },
      preflightWith(redirectTo(`${apiUrl}/`)),
      'CORSExternalRedirectNotAllowed',
    ],
    [
      'bad ACAM token',
      { method: 'PUT' },
      preflightWith(preflightAllows({ 'Access-Control-Allow-Methods': 'PUT, BAD METHOD' })),
      'CORSInvalidAllowMethod',
    ],
    ['method missing', { method: 'PUT' }, preflightWith(preflightAllows()), 'CORSMethodNotFound'],
    [
      'userinfo redirect',
      {},
      getWith({ Location: 'http://u:p@other.test/', 'Access-Control-Allow-Origin': pageOrigin }, 302),
      undefined,
    ],
    ['allowed response', {}, getWith({ 'Access-Control-Allow-Origin': pageOrigin }), undefined],
    ['unanswered request', {}, {}, 'CORSDidNotSucceed2'],
  ])('%s', (_title, request, table, key) => {
    const evaluation = run(request, table);

    expect(evaluation.firefox?.key).toBe(key);
  });

  it('missing ACAO quotes status', () => {
    const evaluation = run({}, getWith({}, 500));

    expect(evaluation.firefox?.text).toBe(
      `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${apiUrl}. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 500.`,
    );
  });

  it('mismatch quotes the value', () => {
    const evaluation = run({}, getWith({ 'Access-Control-Allow-Origin': 'http://evil.test' }));

    expect(evaluation.firefox?.text).toContain('does not match ‘http://evil.test’');
  });

  it('credentials reason quotes URL', () => {
    expect(firefoxText('CORSNotSupportingCredentials', apiUrl)).toContain(`remote resource at ‘${apiUrl}’.`);
  });

  it('bad token is quoted', () => {
    const evaluation = run(
      { method: 'PUT', headers: { 'X-Api-Key': 'k' } },
      preflightWith(
        preflightAllows({
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Allow-Headers': 'x-api-key, bad header',
        }),
      ),
    );

    expect(evaluation.firefox?.text).toContain(
      'invalid token ‘bad header’ in CORS header ‘Access-Control-Allow-Headers’',
    );
  });

  it('header reason names header', () => {
    const evaluation = run(
      { method: 'POST', headers: { 'Content-Type': 'application/json' } },
      { [`OPTIONS ${apiUrl}`]: preflightAllows() },
    );

    expect(evaluation.firefox?.text).toContain('header ‘content-type’ is not allowed');
  });

  it('unanswered request has null status', () => {
    const evaluation = run({}, {});

    expect(evaluation.firefox?.text).toMatch(/Status code: \(null\)\.$/);
  });

  it('reasons are labelled as source', () => {
    const evaluation = run({}, getWith({}));

    expect(evaluation.firefox?.source).toBe('gecko-source');
  });
});

describe('explanations', () => {
  // One or two sentences: what the browser did, why in CORS terms, what to change.
  it.each<readonly [string, Partial<CorsRequest>, Record<string, HopResponse>, string]>([
    ['missing ACAO names fix', {}, getWith({}), `Add Access-Control-Allow-Origin: ${pageOrigin}`],
    ['blocked response ran', {}, getWith({}), 'ran the GET and answered 200'],
    ['preflight 401 names order', { method: 'PUT' }, preflightWith(answer(401)), 'before any authentication'],
    ['preflight stops request', { method: 'PUT' }, preflightWith(preflightAllows()), 'the PUT was never sent'],
    [
      'trailing slash explained',
      {},
      getWith({ 'Access-Control-Allow-Origin': `${pageOrigin}/` }),
      'no path or trailing slash',
    ],
    [
      'wildcard with credentials',
      { credentials: 'include' },
      getWith({ 'Access-Control-Allow-Origin': '*' }),
      'Access-Control-Allow-Credentials: true',
    ],
    [
      'lowercase method',
      { method: 'patch' },
      preflightWith(preflightAllows({ 'Access-Control-Allow-Methods': 'PATCH' })),
      "write 'PATCH' in the code",
    ],
    [
      'credentials star method',
      { method: 'PUT', credentials: 'include' },
      preflightWith(
        preflightAllows({ 'Access-Control-Allow-Methods': '*', 'Access-Control-Allow-Credentials': 'true' }),
      ),
      "'*' is not a wildcard",
    ],
    ['same-origin read', { url: `${pageOrigin}/x` }, { [`GET ${pageOrigin}/x`]: answer(200) }, 'no CORS check applies'],
  ])('%s', (_title, request, table, fragment) => {
    expect(run(request, table).explanation).toContain(fragment);
  });

  it('taint is explained', () => {
    const otherUrl = `${otherOrigin}/data`;
    const evaluation = run(
      {},
      {
        [`GET ${apiUrl}`]: redirectTo(otherUrl, { 'Access-Control-Allow-Origin': pageOrigin }),
        [`GET ${otherUrl}`]: allowed(),
      },
    );

    expect(evaluation.explanation).toContain('Origin: null');
  });

  it('explanation has at most two sentences', () => {
    const evaluation = run({}, getWith({}));

    expect(evaluation.explanation.split(/(?<=\.) (?=[A-Z])/)).toHaveLength(2);
  });
});
