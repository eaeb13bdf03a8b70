import { describe, expect, it } from 'vitest';
import type { CredentialsMode } from '../types.ts';
import { evaluate } from './evaluate.ts';
import { exposeHeaders } from './exposed-headers.ts';
import { normalizeHeaders } from './headers.ts';
import { apiUrl, pageOrigin, respondWith } from './test-helpers.ts';

const acao = { 'Access-Control-Allow-Origin': pageOrigin };

function readableNames(
  headers: Readonly<Record<string, string>> | readonly (readonly [string, string])[],
  credentials: CredentialsMode = 'same-origin',
  type: 'basic' | 'cors' = 'cors',
): string[] {
  return exposeHeaders(normalizeHeaders(headers), type, credentials).readable.map(([name]) => name);
}

describe('exposed headers', () => {
  // A CORS response exposes the CORS-safelisted response-header names and the names in
  // Access-Control-Expose-Headers; `*` exposes all only without credentials; Set-Cookie never.
  it.each([
    'Cache-Control',
    'Content-Language',
    'Content-Length',
    'Content-Type',
    'Expires',
    'Last-Modified',
    'Pragma',
  ])('%s is safelisted', (name) => {
    expect(readableNames({ [name]: 'x' })).toEqual([name.toLowerCase()]);
  });

  it.each<readonly [string, Readonly<Record<string, string>>, CredentialsMode, readonly string[]]>([
    ['custom header hidden', { 'X-Custom': '1' }, 'omit', []],
    ['listed header readable', { 'X-Custom': '1', 'Access-Control-Expose-Headers': 'X-Custom' }, 'omit', ['x-custom']],
    ['listing ignores case', { 'X-Custom': '1', 'Access-Control-Expose-Headers': 'x-CUSTOM' }, 'omit', ['x-custom']],
    [
      'listing with credentials',
      { 'X-Custom': '1', 'Access-Control-Expose-Headers': 'X-Custom' },
      'include',
      ['x-custom'],
    ],
    [
      'star exposes all',
      { 'X-Custom': '1', ETag: '"a"', 'Access-Control-Expose-Headers': '*' },
      'omit',
      ['access-control-expose-headers', 'etag', 'x-custom'],
    ],
    ['star literal with credentials', { 'X-Custom': '1', 'Access-Control-Expose-Headers': '*' }, 'include', []],
    ['star header with credentials', { '*': 'odd', 'Access-Control-Expose-Headers': '*' }, 'include', ['*']],
    ['Set-Cookie never', { 'Set-Cookie': 'a=1', 'Access-Control-Expose-Headers': 'Set-Cookie' }, 'include', []],
    [
      'Set-Cookie not under star',
      { 'Set-Cookie': 'a=1', 'Access-Control-Expose-Headers': '*' },
      'omit',
      ['access-control-expose-headers'],
    ],
    ['Set-Cookie2 never', { 'Set-Cookie2': 'a=1', 'Access-Control-Expose-Headers': 'Set-Cookie2' }, 'omit', []],
    ['invalid list exposes none', { 'X-Custom': '1', 'Access-Control-Expose-Headers': 'X Custom' }, 'omit', []],
    ['ACAO itself hidden', { 'Access-Control-Allow-Origin': pageOrigin }, 'omit', []],
  ])('%s', (_title, headers, credentials, expected) => {
    expect(readableNames(headers, credentials)).toEqual(expected);
  });

  it('basic response hides Set-Cookie only', () => {
    expect(readableNames({ 'X-Custom': '1', 'Set-Cookie': 'a=1' }, 'same-origin', 'basic')).toEqual(['x-custom']);
  });

  it('repeated header is combined', () => {
    const exposure = exposeHeaders(
      normalizeHeaders([
        ['Cache-Control', 'no-cache'],
        ['Cache-Control', 'no-store'],
      ]),
      'cors',
      'omit',
    );

    expect(exposure.readable).toEqual([['cache-control', 'no-cache, no-store']]);
  });

  it('readable headers are sorted', () => {
    expect(readableNames({ Pragma: 'x', 'Content-Type': 'text/plain', Expires: '0' })).toEqual([
      'content-type',
      'expires',
      'pragma',
    ]);
  });

  it('hidden names are listed', () => {
    const exposure = exposeHeaders(normalizeHeaders({ 'X-B': '1', 'X-A': '2', 'Content-Type': 'a/b' }), 'cors', 'omit');

    expect(exposure.hidden).toEqual(['x-a', 'x-b']);
  });

  it('JavaScript sees exposed headers', () => {
    const evaluation = evaluate(
      { origin: pageOrigin, url: apiUrl, method: 'GET' },
      respondWith({
        [`GET ${apiUrl}`]: { status: 200, headers: { ...acao, 'X-Total': '3', 'Content-Type': 'application/json' } },
      }),
    );

    expect(evaluation.js).toMatchObject({ headers: [['content-type', 'application/json']] });
  });

  it('explanation names hidden header', () => {
    const evaluation = evaluate(
      { origin: pageOrigin, url: apiUrl, method: 'GET' },
      respondWith({ [`GET ${apiUrl}`]: { status: 200, headers: { ...acao, 'X-Total': '3' } } }),
    );

    expect(evaluation.explanation).toContain('x-total');
    expect(evaluation.explanation).toContain('Access-Control-Expose-Headers');
  });
});
