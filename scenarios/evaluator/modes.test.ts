import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { isForbiddenRequestHeader } from './request-setup.ts';
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
import type { ConstructionErrorReason, CorsRequest, Evaluation, HopResponse } from './types.ts';

const sameOriginUrl = `${pageOrigin}/data`;

function run(request: Partial<CorsRequest>, table: Readonly<Record<string, HopResponse>> = {}): Evaluation {
  return evaluate({ origin: pageOrigin, url: apiUrl, method: 'GET', ...request }, respondWith(table));
}

describe('modes', () => {
  // Main fetch: same-origin mode refuses other origins, no-cors gives an opaque response without
  // CORS, and a same-origin URL is fetched without CORS in every mode.

  it('same-origin mode refuses cross-origin', () => {
    const evaluation = run({ mode: 'same-origin' }, { [`GET ${apiUrl}`]: allowed() });

    expect(evaluation.outcome).toMatchObject({ kind: 'network-error', reason: 'same-origin-mode', stage: 'request' });
    expect(evaluation.exchanges).toEqual([]);
  });

  it('same-origin mode console line', () => {
    const evaluation = run({ mode: 'same-origin' });

    expect(evaluation.consoleLines).toEqual([
      `Fetch API cannot load ${apiUrl}. Request mode is "same-origin" but the URL's origin is not same as the request origin ${pageOrigin}.`,
    ]);
  });

  it('same-origin mode reports DisallowedByMode', () => {
    const evaluation = run({ mode: 'same-origin' });

    expect(evaluation.outcome).toMatchObject({ rendererCorsError: 'DisallowedByMode' });
  });

  it('same-origin mode allows own origin', () => {
    const evaluation = run({ mode: 'same-origin', url: sameOriginUrl }, { [`GET ${sameOriginUrl}`]: answer(200) });

    expect(evaluation.js).toMatchObject({ kind: 'response', type: 'basic', status: 200 });
  });

  it('same-origin mode stops at redirect', () => {
    const evaluation = run(
      { mode: 'same-origin', url: sameOriginUrl },
      { [`GET ${sameOriginUrl}`]: redirectTo(apiUrl) },
    );

    expect(evaluation.outcome).toMatchObject({ reason: 'same-origin-mode', stage: 'redirect', hop: 1 });
  });

  it('no-cors gives opaque response', () => {
    const evaluation = run({ mode: 'no-cors' }, { [`GET ${apiUrl}`]: answer(200) });

    expect(evaluation.js).toEqual({ kind: 'opaque', type: 'opaque', status: 0 });
  });

  it('no-cors GET sends no Origin', () => {
    const evaluation = run({ mode: 'no-cors' }, { [`GET ${apiUrl}`]: answer(200) });

    expect(evaluation.exchanges[0]?.request.origin).toBeNull();
  });

  it('no-cors POST sends Origin', () => {
    const evaluation = run({ mode: 'no-cors', method: 'POST' }, { [`POST ${apiUrl}`]: answer(200) });

    expect(evaluation.exchanges[0]?.request.origin).toBe(pageOrigin);
  });

  it('no-cors PUT fails construction', () => {
    const evaluation = run({ mode: 'no-cors', method: 'PUT' });

    expect(evaluation.js).toEqual({
      kind: 'type-error',
      message: "Failed to execute 'fetch' on 'Window': 'PUT' is unsupported in no-cors mode.",
    });
    expect(evaluation.exchanges).toEqual([]);
  });

  it('no-cors drops custom header', () => {
    const evaluation = run({ mode: 'no-cors', headers: { 'X-Api-Key': 'k' } }, { [`GET ${apiUrl}`]: answer(200) });

    expect(evaluation.droppedHeaders).toEqual([{ name: 'x-api-key', reason: 'no-cors' }]);
    expect(evaluation.exchanges[0]?.request.headers).toEqual([]);
  });

  it('no-cors drops JSON content type', () => {
    const evaluation = run(
      { mode: 'no-cors', method: 'POST', headers: { 'Content-Type': 'application/json' } },
      { [`POST ${apiUrl}`]: answer(200) },
    );

    expect(evaluation.droppedHeaders).toEqual([{ name: 'content-type', reason: 'no-cors' }]);
  });

  it('no-cors keeps text/plain', () => {
    const evaluation = run(
      { mode: 'no-cors', method: 'POST', headers: { 'Content-Type': 'text/plain' } },
      { [`POST ${apiUrl}`]: answer(200) },
    );

    expect(evaluation.droppedHeaders).toEqual([]);
  });

  it('no-cors needs follow mode', () => {
    const evaluation = run({ mode: 'no-cors', redirect: 'manual' });

    expect(evaluation.outcome).toMatchObject({ reason: 'no-cors-redirect-mode', stage: 'request' });
  });

  it('no-cors ignores missing ACAO', () => {
    const evaluation = run({ mode: 'no-cors' }, { [`GET ${apiUrl}`]: answer(500) });

    expect(evaluation.verdict).toBe('opaque');
  });

  it('same-origin PUT skips preflight', () => {
    const evaluation = run({ method: 'PUT', url: sameOriginUrl }, { [`PUT ${sameOriginUrl}`]: answer(200) });

    expect(evaluation.exchanges.map(({ request }) => request.role)).toEqual(['actual']);
  });

  it('same-origin PUT sends Origin', () => {
    const evaluation = run({ method: 'PUT', url: sameOriginUrl }, { [`PUT ${sameOriginUrl}`]: answer(200) });

    expect(evaluation.exchanges[0]?.request.origin).toBe(pageOrigin);
  });

  it('same-origin response shows all headers', () => {
    const evaluation = run(
      { url: sameOriginUrl },
      { [`GET ${sameOriginUrl}`]: answer(200, { 'X-Custom': '1', 'Set-Cookie': 'a=1' }) },
    );

    expect(evaluation.js).toMatchObject({ headers: [['x-custom', '1']] });
  });

  it('unsupported scheme fails', () => {
    const evaluation = run({ url: 'ftp://api.test/file' });

    expect(evaluation.outcome).toMatchObject({ reason: 'unsupported-scheme', rendererCorsError: 'CorsDisabledScheme' });
    expect(evaluation.consoleLines).toEqual([
      'Fetch API cannot load ftp://api.test/file. URL scheme "ftp" is not supported.',
    ]);
  });

  it('data URL needs no request', () => {
    const evaluation = run({ url: 'data:text/plain,hello' });

    expect(evaluation.js).toMatchObject({ kind: 'response', type: 'basic', headers: [['content-type', 'text/plain']] });
    expect(evaluation.exchanges).toEqual([]);
  });

  it('opaque page origin sends null', () => {
    const evaluation = run(
      { origin: 'null' },
      { [`GET ${apiUrl}`]: answer(200, { 'Access-Control-Allow-Origin': 'null' }) },
    );

    expect(evaluation.exchanges[0]?.request.origin).toBe('null');
    expect(evaluation.verdict).toBe('allowed');
  });

  it('opaque page origin mismatches', () => {
    const evaluation = run({ origin: 'null' }, { [`GET ${apiUrl}`]: allowed() });

    expect(evaluation.consoleMessage).toContain("from origin 'null' has been blocked");
  });

  it('invalid page origin throws', () => {
    expect(() => run({ origin: `${pageOrigin}/` })).toThrow(/Invalid page origin 'http:\/\/app.test\/'/);
  });

  it('unanswered request is network error', () => {
    const evaluation = run({});

    expect(evaluation.outcome).toMatchObject({ kind: 'network-error', reason: 'no-response', stage: 'response' });
    expect(evaluation.js).toEqual({ kind: 'type-error', message: 'Failed to fetch' });
  });

  it('XHR sees error event', () => {
    const evaluation = run({ initiator: 'xhr' }, { [`GET ${apiUrl}`]: answer(200) });

    expect(evaluation.js).toMatchObject({ kind: 'error-event' });
  });
});

describe('credentials', () => {
  // Credentials go with `include`, and with `same-origin` only while the fetch is same-origin.
  it.each<readonly [CorsRequest['credentials'], string, boolean]>([
    ['include', apiUrl, true],
    ['same-origin', apiUrl, false],
    ['omit', apiUrl, false],
    ['include', sameOriginUrl, true],
    ['same-origin', sameOriginUrl, true],
    ['omit', sameOriginUrl, false],
  ])('%s to %s', (credentials, url, sent) => {
    const response = answer(200, {
      'Access-Control-Allow-Origin': pageOrigin,
      'Access-Control-Allow-Credentials': 'true',
    });
    const evaluation = run({ credentials, url }, { [`GET ${url}`]: response });

    expect(evaluation.exchanges[0]?.request.credentials).toBe(sent);
  });

  it('default is same-origin', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: allowed() });

    expect(evaluation.exchanges[0]?.request.credentials).toBe(false);
  });
});

describe('construction', () => {
  // The Request constructor raises a TypeError before anything is sent.
  it.each<readonly [string, Partial<CorsRequest>, ConstructionErrorReason, string]>([
    ['invalid URL', { url: 'http://exa mple.test/' }, 'invalid-url', 'Failed to parse URL from http://exa mple.test/'],
    ['relative URL', { url: '/data' }, 'invalid-url', 'Failed to parse URL from /data'],
    [
      'URL with credentials',
      { url: 'http://user:pw@api.test/data' },
      'url-with-credentials',
      'Request cannot be constructed from a URL that includes credentials: http://user:pw@api.test/data',
    ],
    ['method with space', { method: 'BAD METHOD' }, 'invalid-method', "'BAD METHOD' is not a valid HTTP method."],
    ['TRACE', { method: 'TRACE' }, 'forbidden-method', "'TRACE' HTTP method is unsupported."],
    ['lowercase connect', { method: 'connect' }, 'forbidden-method', "'connect' HTTP method is unsupported."],
    ['TRACK', { method: 'TRACK' }, 'forbidden-method', "'TRACK' HTTP method is unsupported."],
    ['GET with body', { body: 'x' }, 'body-with-get-or-head', 'Request with GET/HEAD method cannot have body.'],
    [
      'HEAD with body',
      { method: 'HEAD', body: 'x' },
      'body-with-get-or-head',
      'Request with GET/HEAD method cannot have body.',
    ],
  ])('%s', (_title, request, reason, text) => {
    const evaluation = run(request);

    expect(evaluation.outcome).toMatchObject({ kind: 'construction', stage: 'construction', reason });
    expect(evaluation.js).toEqual({ kind: 'type-error', message: `Failed to execute 'fetch' on 'Window': ${text}` });
  });

  it('construction error sends nothing', () => {
    const evaluation = run({ method: 'TRACE' });

    expect(evaluation.exchanges).toEqual([]);
    expect(evaluation.consoleLines).toEqual([]);
  });

  it('string body gets text/plain', () => {
    const evaluation = run({ method: 'POST', body: 'a=1' }, { [`POST ${apiUrl}`]: allowed() });

    expect(evaluation.exchanges[0]?.request.headers).toContainEqual(['content-type', 'text/plain;charset=UTF-8']);
  });
});

describe('forbidden request headers', () => {
  // fetch() drops forbidden request-headers without an error: the browser controls them.
  it.each<readonly [string, string, boolean]>([
    ['Cookie', 'a=1', true],
    ['Origin', otherOrigin, true],
    ['Host', 'evil.test', true],
    ['Content-Length', '3', true],
    ['Referer', pageOrigin, true],
    ['Sec-Fetch-Mode', 'cors', true],
    ['Proxy-Authorization', 'x', true],
    ['Access-Control-Request-Method', 'PUT', true],
    ['X-HTTP-Method-Override', 'TRACE', true],
    ['X-HTTP-Method-Override', 'PATCH', false],
    ['Authorization', 'Bearer t', false],
    ['X-Api-Key', 'k', false],
  ])('%s: %s', (name, value, forbidden) => {
    expect(isForbiddenRequestHeader(name, value)).toBe(forbidden);
  });

  it('dropped Cookie is reported', () => {
    const evaluation = run({ headers: { Cookie: 'a=1' } }, { [`GET ${apiUrl}`]: allowed() });

    expect(evaluation.droppedHeaders).toEqual([{ name: 'cookie', reason: 'forbidden' }]);
  });

  it('override header triggers preflight', () => {
    const evaluation = run(
      { headers: { 'X-HTTP-Method-Override': 'PATCH' } },
      {
        [`OPTIONS ${apiUrl}`]: preflightAllows({ 'Access-Control-Allow-Headers': 'x-http-method-override' }),
        [`GET ${apiUrl}`]: allowed(),
      },
    );

    expect(evaluation.exchanges[0]?.request.accessControlRequestHeaders).toBe('x-http-method-override');
  });
});
