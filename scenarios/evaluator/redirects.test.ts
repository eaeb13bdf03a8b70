import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import {
  allowed,
  answer,
  apiOrigin,
  apiUrl,
  otherOrigin,
  pageOrigin,
  preflightAllows,
  redirectTo,
  respondWith,
} from './test-helpers.ts';
import type { CorsRequest, Evaluation, HopResponse } from './types.ts';

const start = `${pageOrigin}/start`;
const otherUrl = `${otherOrigin}/data`;
const acaoPage = { 'Access-Control-Allow-Origin': pageOrigin };

function run(
  request: Partial<CorsRequest>,
  table: Readonly<Record<string, HopResponse | readonly HopResponse[]>>,
): Evaluation {
  return evaluate({ origin: pageOrigin, url: apiUrl, method: 'GET', ...request }, respondWith(table));
}

function origins(evaluation: Evaluation): (string | null)[] {
  return evaluation.exchanges.map(({ request }) => request.origin);
}

describe('redirects and taint', () => {
  // HTTP fetch runs the CORS check on every response of a cors fetch, redirects included. Once a
  // URL on another origin redirects to yet another origin, the request origin serializes as null.

  it('same-origin hop sends no Origin', () => {
    const evaluation = run({ url: start }, { [`GET ${start}`]: redirectTo(apiUrl), [`GET ${apiUrl}`]: allowed() });

    expect(origins(evaluation)).toEqual([null, pageOrigin]);
  });

  it('same-origin to cross needs ACAO', () => {
    const evaluation = run({ url: start }, { [`GET ${start}`]: redirectTo(apiUrl), [`GET ${apiUrl}`]: answer(200) });

    expect(evaluation.outcome).toMatchObject({ stage: 'response', corsError: 'MissingAllowOriginHeader', hop: 1 });
  });

  it('message names redirected from', () => {
    const evaluation = run({ url: start }, { [`GET ${start}`]: redirectTo(apiUrl), [`GET ${apiUrl}`]: answer(200) });

    expect(evaluation.consoleMessage).toContain(
      `at '${apiUrl}' (redirected from '${start}') from origin '${pageOrigin}'`,
    );
  });

  it('same-origin to cross allowed', () => {
    const evaluation = run({ url: start }, { [`GET ${start}`]: redirectTo(apiUrl), [`GET ${apiUrl}`]: allowed() });

    expect(evaluation.js).toMatchObject({ kind: 'response', type: 'cors', url: apiUrl, redirected: true });
  });

  it('redirect response needs ACAO', () => {
    const evaluation = run(
      {},
      {
        [`GET ${apiUrl}`]: redirectTo(otherUrl),
        [`GET ${otherUrl}`]: answer(200, { 'Access-Control-Allow-Origin': '*' }),
      },
    );

    expect(evaluation.outcome).toMatchObject({ stage: 'redirect', corsError: 'MissingAllowOriginHeader', hop: 0 });
    expect(evaluation.exchanges).toHaveLength(1);
  });

  it('redirect failure names first URL', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo(otherUrl) });

    expect(evaluation.consoleMessage).toContain(`at '${apiUrl}' from origin`);
  });

  it('cross to cross taints Origin', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo(otherUrl, acaoPage), [`GET ${otherUrl}`]: allowed() });

    expect(origins(evaluation)).toEqual([pageOrigin, 'null']);
  });

  it('tainted origin mismatches page', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo(otherUrl, acaoPage), [`GET ${otherUrl}`]: allowed() });

    expect(evaluation.outcome).toMatchObject({ corsError: 'AllowOriginMismatch', detail: { value: pageOrigin } });
  });

  it('tainted message prints page origin', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo(otherUrl, acaoPage), [`GET ${otherUrl}`]: allowed() });

    expect(evaluation.consoleMessage).toContain(`from origin '${pageOrigin}'`);
  });

  it('tainted fault suggests wildcard', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo(otherUrl, acaoPage), [`GET ${otherUrl}`]: allowed() });

    expect(evaluation.outcome).toMatchObject({ fault: { hop: 1, expected: '*' } });
  });

  it('tainted request passes with star', () => {
    const evaluation = run(
      {},
      {
        [`GET ${apiUrl}`]: redirectTo(otherUrl, acaoPage),
        [`GET ${otherUrl}`]: answer(200, { 'Access-Control-Allow-Origin': '*' }),
      },
    );

    expect(evaluation.verdict).toBe('allowed');
  });

  it('tainted request passes with null', () => {
    const evaluation = run(
      {},
      {
        [`GET ${apiUrl}`]: redirectTo(otherUrl, acaoPage),
        [`GET ${otherUrl}`]: answer(200, { 'Access-Control-Allow-Origin': 'null' }),
      },
    );

    expect(evaluation.verdict).toBe('allowed');
  });

  it('same-origin redirect keeps Origin', () => {
    const next = `${apiOrigin}/next`;
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo(next, acaoPage), [`GET ${next}`]: allowed() });

    expect(origins(evaluation)).toEqual([pageOrigin, pageOrigin]);
  });

  it('back to page origin taints', () => {
    const back = `${pageOrigin}/back`;
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo(back, acaoPage), [`GET ${back}`]: answer(200) });

    expect(origins(evaluation)).toEqual([pageOrigin, 'null']);
    expect(evaluation.outcome).toMatchObject({ corsError: 'MissingAllowOriginHeader', hop: 1 });
  });

  it('userinfo location is rejected', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo('http://user:pass@other.test/data', acaoPage) });

    expect(evaluation.outcome).toMatchObject({
      stage: 'redirect',
      corsError: 'RedirectContainsCredentials',
      detail: { value: '' },
    });
  });

  it('userinfo fault shows clean URL', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo('http://user:pass@other.test/data', acaoPage) });

    expect(evaluation.outcome).toMatchObject({ fault: { header: 'Location', expected: otherUrl } });
  });

  it('same-origin userinfo location allowed', () => {
    const withUser = 'http://user:pass@app.test/next';
    const evaluation = run(
      { url: start },
      { [`GET ${start}`]: redirectTo(withUser), [`GET ${withUser}`]: answer(200) },
    );

    expect(evaluation.verdict).toBe('allowed');
  });

  it('data location is unsafe', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo('data:text/plain,hi', acaoPage) });

    expect(evaluation.outcome).toMatchObject({ kind: 'network-error', reason: 'unsafe-redirect' });
    expect(evaluation.consoleLines).toEqual(['Failed to load resource: net::ERR_UNSAFE_REDIRECT']);
  });

  it('unsafe redirect beats CORS check', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo('ftp://other.test/file') });

    expect(evaluation.outcome).toMatchObject({ reason: 'unsafe-redirect' });
    expect(evaluation.consoleMessage).toBeUndefined();
  });

  it('unparseable location is invalid', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: redirectTo('http://[bad', acaoPage) });

    expect(evaluation.outcome).toMatchObject({ reason: 'invalid-redirect' });
  });

  it('relative location resolves', () => {
    const evaluation = run(
      {},
      { [`GET ${apiUrl}`]: redirectTo('/next?a=1', acaoPage), [`GET ${apiOrigin}/next?a=1`]: allowed() },
    );

    expect(evaluation.exchanges[1]?.request.url).toBe(`${apiOrigin}/next?a=1`);
  });

  it('twenty redirects are followed', () => {
    const hops = Array.from({ length: 21 }, (_, i) => `${apiOrigin}/r${i}`);
    const table = Object.fromEntries(
      hops.map((url, i) => [`GET ${url}`, i < 20 ? redirectTo(hops[i + 1]!, acaoPage) : allowed()]),
    );
    const evaluation = run({ url: hops[0] }, table);

    expect(evaluation.verdict).toBe('allowed');
    expect(evaluation.exchanges).toHaveLength(21);
  });

  it('twenty-first redirect fails', () => {
    const loop = redirectTo(apiUrl, acaoPage);
    const evaluation = run({}, { [`GET ${apiUrl}`]: Array.from({ length: 30 }, () => loop) });

    expect(evaluation.outcome).toMatchObject({ kind: 'network-error', reason: 'too-many-redirects' });
    expect(evaluation.exchanges).toHaveLength(21);
    expect(evaluation.consoleLines).toEqual(['Failed to load resource: net::ERR_TOO_MANY_REDIRECTS']);
  });

  it('error mode fails on redirect', () => {
    const evaluation = run({ redirect: 'error' }, { [`GET ${apiUrl}`]: redirectTo(otherUrl, acaoPage) });

    expect(evaluation.outcome).toMatchObject({ reason: 'redirect-mode-error', stage: 'redirect' });
    expect(evaluation.consoleLines).toEqual(['Failed to load resource: net::ERR_FAILED']);
  });

  it('error mode sends one request', () => {
    const evaluation = run({ redirect: 'error' }, { [`GET ${apiUrl}`]: redirectTo(otherUrl, acaoPage) });

    expect(evaluation.exchanges).toHaveLength(1);
  });

  it('manual mode gives opaqueredirect', () => {
    const evaluation = run({ redirect: 'manual' }, { [`GET ${apiUrl}`]: redirectTo(otherUrl, acaoPage) });

    expect(evaluation.js).toEqual({ kind: 'opaque', type: 'opaqueredirect', status: 0 });
    expect(evaluation.consoleLines).toEqual([]);
  });

  it('manual mode still checks CORS', () => {
    const evaluation = run({ redirect: 'manual' }, { [`GET ${apiUrl}`]: redirectTo(otherUrl) });

    expect(evaluation.outcome).toMatchObject({ corsError: 'MissingAllowOriginHeader', stage: 'redirect' });
  });

  it('preflighted redirect preflights again', () => {
    const evaluation = run(
      { method: 'PUT' },
      {
        [`OPTIONS ${apiUrl}`]: preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }),
        [`PUT ${apiUrl}`]: redirectTo(otherUrl, acaoPage, 307),
        [`OPTIONS ${otherUrl}`]: answer(204, { ...acaoPage, 'Access-Control-Allow-Methods': 'PUT' }),
      },
    );

    expect(evaluation.exchanges.map(({ request }) => `${request.method} ${request.url}`)).toEqual([
      `OPTIONS ${apiUrl}`,
      `PUT ${apiUrl}`,
      `OPTIONS ${otherUrl}`,
    ]);
    expect(evaluation.outcome).toMatchObject({ stage: 'preflight', corsError: 'PreflightAllowOriginMismatch', hop: 1 });
  });

  it('second preflight sends Origin null', () => {
    const evaluation = run(
      { method: 'PUT' },
      {
        [`OPTIONS ${apiUrl}`]: preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }),
        [`PUT ${apiUrl}`]: redirectTo(otherUrl, acaoPage, 307),
        [`OPTIONS ${otherUrl}`]: answer(204, { ...acaoPage, 'Access-Control-Allow-Methods': 'PUT' }),
      },
    );

    expect(evaluation.exchanges[2]?.request.origin).toBe('null');
  });

  it('second preflight passes with star', () => {
    const star = { 'Access-Control-Allow-Origin': '*' };
    const evaluation = run(
      { method: 'PUT' },
      {
        [`OPTIONS ${apiUrl}`]: preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }),
        [`PUT ${apiUrl}`]: redirectTo(otherUrl, acaoPage, 307),
        [`OPTIONS ${otherUrl}`]: answer(204, { ...star, 'Access-Control-Allow-Methods': 'PUT' }),
        [`PUT ${otherUrl}`]: answer(200, star),
      },
    );

    expect(evaluation.verdict).toBe('allowed');
    expect(evaluation.exchanges).toHaveLength(4);
  });

  it('preflighted 307 needs ACAO', () => {
    const evaluation = run(
      { method: 'PUT' },
      {
        [`OPTIONS ${apiUrl}`]: preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }),
        [`PUT ${apiUrl}`]: redirectTo(otherUrl, {}, 307),
      },
    );

    expect(evaluation.outcome).toMatchObject({ stage: 'redirect', corsError: 'MissingAllowOriginHeader', hop: 0 });
  });

  it('303 turns POST into GET', () => {
    const evaluation = run(
      { method: 'POST', body: 'a=1' },
      {
        [`POST ${apiUrl}`]: redirectTo(otherUrl, acaoPage, 303),
        [`GET ${otherUrl}`]: answer(200, { 'Access-Control-Allow-Origin': '*' }),
      },
    );

    expect(evaluation.exchanges.map(({ request }) => request.method)).toEqual(['POST', 'GET']);
  });

  it('302 drops body headers', () => {
    const evaluation = run(
      { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } },
      {
        [`OPTIONS ${apiUrl}`]: preflightAllows({ 'Access-Control-Allow-Headers': 'content-type' }),
        [`POST ${apiUrl}`]: redirectTo(otherUrl, acaoPage, 302),
        [`GET ${otherUrl}`]: answer(200, { 'Access-Control-Allow-Origin': '*' }),
      },
    );

    expect(evaluation.exchanges.map(({ request }) => request.method)).toEqual(['OPTIONS', 'POST', 'GET']);
    expect(evaluation.exchanges[2]?.request.headers.some(([name]) => name === 'content-type')).toBe(false);
  });

  it('307 keeps POST', () => {
    const evaluation = run(
      { method: 'POST', body: 'a=1' },
      {
        [`POST ${apiUrl}`]: redirectTo(otherUrl, acaoPage, 307),
        [`POST ${otherUrl}`]: answer(200, { 'Access-Control-Allow-Origin': '*' }),
      },
    );

    expect(evaluation.exchanges.map(({ request }) => request.method)).toEqual(['POST', 'POST']);
  });

  it('302 keeps PUT', () => {
    const evaluation = run(
      { method: 'PUT' },
      {
        [`OPTIONS ${apiUrl}`]: preflightAllows({ 'Access-Control-Allow-Methods': 'PUT' }),
        [`PUT ${apiUrl}`]: redirectTo(otherUrl, acaoPage, 302),
      },
    );

    expect(evaluation.exchanges[2]?.request).toMatchObject({ role: 'preflight', accessControlRequestMethod: 'PUT' });
  });

  it('3xx without Location is final', () => {
    const evaluation = run({}, { [`GET ${apiUrl}`]: answer(302, acaoPage) });

    expect(evaluation.js).toMatchObject({ kind: 'response', status: 302, redirected: false });
  });

  it('no-cors follows to opaque', () => {
    const evaluation = run(
      { mode: 'no-cors' },
      { [`GET ${apiUrl}`]: redirectTo(otherUrl), [`GET ${otherUrl}`]: answer(200) },
    );

    expect(evaluation.verdict).toBe('opaque');
    expect(evaluation.exchanges).toHaveLength(2);
  });
});
