import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { parseMaxAge, PreflightCache, type CachePolicy } from './preflight-cache.ts';
import { allowed, apiOrigin, apiUrl, pageOrigin, preflightAllows, respondWith } from './test-helpers.ts';
import type { CorsRequest, Evaluation } from './types.ts';

const put: CorsRequest = { origin: pageOrigin, url: apiUrl, method: 'PUT' };

/** Sends `request` with a preflight that allows it, and returns the methods sent in order. */
function send(
  cache: PreflightCache,
  now: number,
  request: Partial<CorsRequest> = {},
  preflightHeaders: Record<string, string> = { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '60' },
): Evaluation {
  const full = { ...put, ...request };
  return evaluate(
    full,
    respondWith({
      [`OPTIONS ${full.url}`]: preflightAllows({ 'Access-Control-Allow-Credentials': 'true', ...preflightHeaders }),
      [`${full.method} ${full.url}`]: allowed({ 'Access-Control-Allow-Credentials': 'true' }),
    }),
    { cache, now },
  );
}

function preflighted(evaluation: Evaluation): boolean {
  return evaluation.exchanges.some(({ request }) => request.role === 'preflight');
}

describe('preflight cache max-age', () => {
  // Max-age defaults to 5 seconds when absent or unparseable; Chromium caps it at 7200 and
  // turns a negative value into 0; Firefox caps it at 86400; the standard sets no cap.
  it.each<readonly [string | undefined, CachePolicy, number]>([
    [undefined, 'chromium', 5],
    [undefined, 'standard', 5],
    ['60', 'chromium', 60],
    ['0', 'chromium', 0],
    ['-1', 'chromium', 0],
    ['-1', 'standard', 5],
    ['-1', 'firefox', 5],
    ['7200', 'chromium', 7200],
    ['7201', 'chromium', 7200],
    ['100000', 'firefox', 86400],
    ['100000', 'standard', 100000],
    ['abc', 'chromium', 5],
    ['1.5', 'chromium', 5],
    ['60, 120', 'chromium', 5],
    ['', 'standard', 5],
  ])('%s under %s is %i', (value, policy, seconds) => {
    expect(parseMaxAge(value, policy)).toBe(seconds);
  });
});

describe('preflight cache', () => {
  // Entries are keyed by serialized origin, URL and credentials, hold one method or header name
  // each, and expire after max-age seconds.

  it('second PUT skips preflight', () => {
    const cache = new PreflightCache();
    send(cache, 0);

    expect(preflighted(send(cache, 1000))).toBe(false);
  });

  it('max-age zero preflights again', () => {
    const cache = new PreflightCache();
    send(cache, 0, {}, { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '0' });

    expect(preflighted(send(cache, 0))).toBe(true);
  });

  it('entry expires after max-age', () => {
    const cache = new PreflightCache();
    send(cache, 0);

    expect(preflighted(send(cache, 59_999))).toBe(false);
    expect(preflighted(send(cache, 60_000))).toBe(true);
  });

  it('default lasts five seconds', () => {
    const cache = new PreflightCache();
    send(cache, 0, {}, { 'Access-Control-Allow-Methods': 'PUT' });

    expect(preflighted(send(cache, 4_999))).toBe(false);
    expect(preflighted(send(cache, 5_000))).toBe(true);
  });

  it('Chromium caps at two hours', () => {
    const cache = new PreflightCache('chromium');
    send(cache, 0, {}, { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '86400' });

    expect(preflighted(send(cache, 7_199_000))).toBe(false);
    expect(preflighted(send(cache, 7_200_000))).toBe(true);
  });

  it('other URL preflights again', () => {
    const cache = new PreflightCache();
    send(cache, 0);

    expect(preflighted(send(cache, 1000, { url: `${apiOrigin}/other` }))).toBe(true);
  });

  it('other origin preflights again', () => {
    const cache = new PreflightCache();
    send(cache, 0);
    const fromElsewhere = { origin: 'http://elsewhere.test' };

    expect(
      preflighted(
        send(cache, 1000, fromElsewhere, {
          'Access-Control-Allow-Origin': 'http://elsewhere.test',
          'Access-Control-Allow-Methods': 'PUT',
        }),
      ),
    ).toBe(true);
  });

  it('uncredentialed entry misses credentialed', () => {
    const cache = new PreflightCache();
    send(cache, 0);

    expect(preflighted(send(cache, 1000, { credentials: 'include' }))).toBe(true);
  });

  it('credentialed entry serves uncredentialed', () => {
    const cache = new PreflightCache();
    send(cache, 0, { credentials: 'include' });

    expect(preflighted(send(cache, 1000, { credentials: 'omit' }))).toBe(false);
  });

  it('other method preflights again', () => {
    const cache = new PreflightCache();
    send(cache, 0);

    expect(preflighted(send(cache, 1000, { method: 'DELETE' }, { 'Access-Control-Allow-Methods': 'DELETE' }))).toBe(
      true,
    );
  });

  it('star method entry covers DELETE', () => {
    const cache = new PreflightCache();
    send(cache, 0, {}, { 'Access-Control-Allow-Methods': '*', 'Access-Control-Max-Age': '60' });

    expect(preflighted(send(cache, 1000, { method: 'DELETE' }))).toBe(false);
  });

  it('no star entry with credentials', () => {
    const cache = new PreflightCache();
    send(
      cache,
      0,
      { credentials: 'include' },
      { 'Access-Control-Allow-Methods': '*, PUT', 'Access-Control-Max-Age': '60' },
    );

    expect(cache.list(1000).map((entry) => entry.method)).toEqual(['PUT']);
  });

  it('header entry covers header', () => {
    const cache = new PreflightCache();
    const withKey = { method: 'GET', headers: { 'X-Api-Key': 'k' } };
    send(cache, 0, withKey, { 'Access-Control-Allow-Headers': 'X-Api-Key', 'Access-Control-Max-Age': '60' });

    expect(preflighted(send(cache, 1000, withKey))).toBe(false);
    expect(preflighted(send(cache, 1000, { method: 'GET', headers: { 'X-Other': '1' } }))).toBe(true);
  });

  it('stores lowercase header names', () => {
    const cache = new PreflightCache();
    send(cache, 0, { method: 'GET', headers: { 'X-Api-Key': 'k' } }, { 'Access-Control-Allow-Headers': 'X-Api-Key' });

    expect(cache.list(0).map((entry) => entry.headerName)).toEqual(['x-api-key']);
  });

  it('star header entry and Authorization', () => {
    const cache = new PreflightCache();
    const key = { origin: pageOrigin, url: apiUrl, credentials: false };
    cache.store(key, [], ['*'], '60', 0);

    expect(cache.hasHeaderMatch(key, 'x-api-key', 0, 'standard')).toBe(true);
    expect(cache.hasHeaderMatch(key, 'authorization', 0, 'standard')).toBe(false);
    expect(cache.hasHeaderMatch(key, 'authorization', 0, 'chromium-156')).toBe(true);
  });

  it('cached star Authorization deviates', () => {
    const cache = new PreflightCache();
    const bearer = { method: 'GET', headers: { Authorization: 'Bearer t' } };
    send(cache, 0, bearer, { 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '60' });
    const second = send(cache, 1000, bearer, { 'Access-Control-Allow-Headers': '*' });

    expect(preflighted(second)).toBe(false);
    expect(second.standard?.outcome.verdict).toBe('blocked');
  });

  it('failed actual response clears entries', () => {
    const cache = new PreflightCache();
    send(cache, 0);
    evaluate(
      { ...put, method: 'DELETE' },
      respondWith({
        [`OPTIONS ${apiUrl}`]: preflightAllows({ 'Access-Control-Allow-Methods': 'DELETE' }),
        [`DELETE ${apiUrl}`]: { status: 200, headers: {} },
      }),
      { cache, now: 1000 },
    );

    expect(cache.list(1000)).toEqual([]);
  });

  it('failed preflight clears entries', () => {
    const cache = new PreflightCache();
    send(cache, 0);
    send(cache, 1000, { method: 'DELETE' }, { 'Access-Control-Allow-Methods': 'GET' });

    expect(cache.list(1000)).toEqual([]);
  });

  it('clone is independent', () => {
    const cache = new PreflightCache();
    const copy = cache.clone();
    send(cache, 0);

    expect(copy.list(0)).toEqual([]);
  });
});
