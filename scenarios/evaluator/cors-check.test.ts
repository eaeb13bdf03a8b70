import { describe, expect, it } from 'vitest';
import type { CredentialsMode } from '../types.ts';
import { corsCheck, type CorsCheckResult } from './cors-check.ts';
import { evaluate } from './evaluate.ts';
import { normalizeHeaders } from './headers.ts';
import { allowed, answer, apiUrl, pageOrigin, respondWith } from './test-helpers.ts';

type Row = readonly [
  title: string,
  headers: Readonly<Record<string, string>> | readonly (readonly [string, string])[],
  credentials: CredentialsMode,
  expected: 'pass' | Extract<CorsCheckResult, { ok: false }>['corsError'],
];

function check(headers: Row[1], credentials: CredentialsMode, origin = pageOrigin): CorsCheckResult {
  return corsCheck(normalizeHeaders(headers), origin, credentials);
}

describe('CORS check', () => {
  // Fetch "CORS check": null fails, `*` passes without credentials, otherwise the value must be
  // byte-equal to the serialized origin, and with credentials ACAC must be exactly `true`.
  it.each<Row>([
    ['missing header fails', {}, 'same-origin', 'MissingAllowOriginHeader'],
    ['exact origin passes', { 'Access-Control-Allow-Origin': pageOrigin }, 'same-origin', 'pass'],
    ['wildcard passes with omit', { 'Access-Control-Allow-Origin': '*' }, 'omit', 'pass'],
    ['wildcard passes with same-origin', { 'Access-Control-Allow-Origin': '*' }, 'same-origin', 'pass'],
    ['wildcard fails with include', { 'Access-Control-Allow-Origin': '*' }, 'include', 'WildcardOriginNotAllowed'],
    [
      'wildcard with ACAC still fails',
      { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      'include',
      'WildcardOriginNotAllowed',
    ],
    ['trailing slash mismatches', { 'Access-Control-Allow-Origin': `${pageOrigin}/` }, 'omit', 'AllowOriginMismatch'],
    [
      'uppercase origin mismatches',
      { 'Access-Control-Allow-Origin': 'HTTP://APP.TEST' },
      'omit',
      'AllowOriginMismatch',
    ],
    ['other origin mismatches', { 'Access-Control-Allow-Origin': 'http://evil.test' }, 'omit', 'AllowOriginMismatch'],
    ['wrong port mismatches', { 'Access-Control-Allow-Origin': 'http://app.test:8080' }, 'omit', 'AllowOriginMismatch'],
    ['https for http mismatches', { 'Access-Control-Allow-Origin': 'https://app.test' }, 'omit', 'AllowOriginMismatch'],
    ['null for real origin mismatches', { 'Access-Control-Allow-Origin': 'null' }, 'omit', 'AllowOriginMismatch'],
    ['subdomain pattern mismatches', { 'Access-Control-Allow-Origin': 'http://*.test' }, 'omit', 'AllowOriginMismatch'],
    [
      'comma list is multiple',
      { 'Access-Control-Allow-Origin': `${pageOrigin}, http://b.test` },
      'omit',
      'MultipleAllowOriginValues',
    ],
    [
      'space list is multiple',
      { 'Access-Control-Allow-Origin': `${pageOrigin} http://b.test` },
      'omit',
      'MultipleAllowOriginValues',
    ],
    [
      'two header lines are multiple',
      [
        ['Access-Control-Allow-Origin', pageOrigin],
        ['Access-Control-Allow-Origin', pageOrigin],
      ],
      'omit',
      'MultipleAllowOriginValues',
    ],
    ['bare word is invalid', { 'Access-Control-Allow-Origin': 'foo' }, 'omit', 'InvalidAllowOriginValue'],
    ['empty value is invalid', { 'Access-Control-Allow-Origin': '' }, 'omit', 'InvalidAllowOriginValue'],
    ['padded value is trimmed', { 'Access-Control-Allow-Origin': ` ${pageOrigin}\t` }, 'omit', 'pass'],
    [
      'credentials with true pass',
      { 'Access-Control-Allow-Origin': pageOrigin, 'Access-Control-Allow-Credentials': 'true' },
      'include',
      'pass',
    ],
    [
      'credentials without ACAC fail',
      { 'Access-Control-Allow-Origin': pageOrigin },
      'include',
      'InvalidAllowCredentials',
    ],
    [
      'uppercase TRUE fails',
      { 'Access-Control-Allow-Origin': pageOrigin, 'Access-Control-Allow-Credentials': 'TRUE' },
      'include',
      'InvalidAllowCredentials',
    ],
    [
      'ACAC of 1 fails',
      { 'Access-Control-Allow-Origin': pageOrigin, 'Access-Control-Allow-Credentials': '1' },
      'include',
      'InvalidAllowCredentials',
    ],
    [
      'ACAC ignored without credentials',
      { 'Access-Control-Allow-Origin': pageOrigin, 'Access-Control-Allow-Credentials': 'false' },
      'same-origin',
      'pass',
    ],
  ])('%s', (_title, headers, credentials, expected) => {
    const result = check(headers, credentials);

    expect(result.ok ? 'pass' : result.corsError).toBe(expected);
  });

  it('missing ACAC reports empty value', () => {
    const result = check({ 'Access-Control-Allow-Origin': pageOrigin }, 'include');

    expect(result).toEqual({
      ok: false,
      corsError: 'InvalidAllowCredentials',
      header: 'Access-Control-Allow-Credentials',
      value: undefined,
    });
  });

  it('opaque origin matches null', () => {
    expect(check({ 'Access-Control-Allow-Origin': 'null' }, 'omit', 'null').ok).toBe(true);
  });

  it('opaque origin mismatches page origin', () => {
    const result = check({ 'Access-Control-Allow-Origin': pageOrigin }, 'omit', 'null');

    expect(result).toMatchObject({ ok: false, corsError: 'AllowOriginMismatch' });
  });

  it('blocked response still reached server', () => {
    const evaluation = evaluate(
      { origin: pageOrigin, url: apiUrl, method: 'GET' },
      respondWith({ [`GET ${apiUrl}`]: answer(200) }),
    );

    expect(evaluation.verdict).toBe('blocked');
    expect(evaluation.exchanges).toHaveLength(1);
    expect(evaluation.exchanges[0]?.response?.status).toBe(200);
  });

  it('error status with ACAO is readable', () => {
    const evaluation = evaluate(
      { origin: pageOrigin, url: apiUrl, method: 'GET' },
      respondWith({ [`GET ${apiUrl}`]: { ...allowed(), status: 500 } }),
    );

    expect(evaluation.verdict).toBe('allowed');
    expect(evaluation.js).toMatchObject({ kind: 'response', type: 'cors', status: 500 });
  });
});
