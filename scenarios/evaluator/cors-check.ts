/**
 * The Fetch Standard's CORS check (https://fetch.spec.whatwg.org/#cors-check), with the
 * failure sorted into Chromium's DevTools `corsError` kinds.
 */
import type { CorsError } from '../chromium-messages.ts';
import type { HeaderPair } from '../records.ts';
import type { CredentialsMode, MessageDetail } from '../types.ts';
import { getHeader } from './headers.ts';
import { parseUrl } from './origins.ts';
import type { ResponseCorsError } from './types.ts';

/** The CORS errors a CORS check can give on a response that is not a preflight's. */
export type CorsCheckError = Extract<
  CorsError,
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'WildcardOriginNotAllowed'
  | 'InvalidAllowCredentials'
>;

export type CorsCheckResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly corsError: CorsCheckError;
      readonly header: 'Access-Control-Allow-Origin' | 'Access-Control-Allow-Credentials';
      /** The header's value, or undefined when the response lacks it. */
      readonly value: string | undefined;
    };

/**
 * Runs the CORS check against the serialized request origin, which is `null` after a
 * redirect taint. The standard's steps:
 * 1. No Access-Control-Allow-Origin: failure.
 * 2. Credentials mode not `include` and the value is `*`: success.
 * 3. The value is not byte-equal to the serialized request origin: failure.
 * 4. Credentials mode not `include`: success.
 * 5. Access-Control-Allow-Credentials is exactly `true`: success; otherwise failure.
 * Step 3's failures are split as Chromium's `CheckAccess` does, so messages match the browser.
 */
export function corsCheck(
  headers: readonly HeaderPair[],
  serializedOrigin: string,
  credentials: CredentialsMode,
): CorsCheckResult {
  const allowOrigin = getHeader(headers, 'Access-Control-Allow-Origin');
  const include = credentials === 'include';

  if (allowOrigin === undefined) {
    return {
      ok: false,
      corsError: 'MissingAllowOriginHeader',
      header: 'Access-Control-Allow-Origin',
      value: undefined,
    };
  }
  if (allowOrigin === '*') {
    if (!include) return { ok: true };
    return { ok: false, corsError: 'WildcardOriginNotAllowed', header: 'Access-Control-Allow-Origin', value: '*' };
  }
  if (allowOrigin !== serializedOrigin) {
    return {
      ok: false,
      corsError: classifyMismatch(allowOrigin),
      header: 'Access-Control-Allow-Origin',
      value: allowOrigin,
    };
  }
  if (!include) return { ok: true };

  // Case-sensitive: `True` and `TRUE` fail.
  const allowCredentials = getHeader(headers, 'Access-Control-Allow-Credentials');
  if (allowCredentials === 'true') return { ok: true };
  return {
    ok: false,
    corsError: 'InvalidAllowCredentials',
    header: 'Access-Control-Allow-Credentials',
    value: allowCredentials,
  };
}

/**
 * Chromium reports a value with a space or comma as several values (two header lines are joined
 * with `, `), `null` as a mismatch, and a value that does not parse as a URL as invalid.
 */
function classifyMismatch(allowOrigin: string): CorsCheckError {
  if (/[ ,]/.test(allowOrigin)) return 'MultipleAllowOriginValues';
  if (allowOrigin === 'null') return 'AllowOriginMismatch';
  // NOTE: Chromium tests the value with GURL; the WHATWG URL parser used here accepts the same
  // common cases (`foo` and the empty string fail, `http://*.example.com` parses).
  return parseUrl(allowOrigin) === undefined ? 'InvalidAllowOriginValue' : 'AllowOriginMismatch';
}

const preflightErrors: Readonly<Record<CorsCheckError, ResponseCorsError>> = {
  MissingAllowOriginHeader: 'PreflightMissingAllowOriginHeader',
  MultipleAllowOriginValues: 'PreflightMultipleAllowOriginValues',
  InvalidAllowOriginValue: 'PreflightInvalidAllowOriginValue',
  AllowOriginMismatch: 'PreflightAllowOriginMismatch',
  WildcardOriginNotAllowed: 'PreflightWildcardOriginNotAllowed',
  InvalidAllowCredentials: 'PreflightInvalidAllowCredentials',
};

/** Returns the `Preflight…` kind Chromium reports when the same check fails on a preflight response. */
export function preflightCorsError(error: CorsCheckError): ResponseCorsError {
  return preflightErrors[error];
}

/** Returns the values Chromium quotes in its message: the header value, or `''` for a missing Access-Control-Allow-Credentials. */
export function corsCheckDetail(failure: Extract<CorsCheckResult, { ok: false }>): MessageDetail {
  if (failure.corsError === 'InvalidAllowCredentials') return { value: failure.value ?? '' };
  return failure.value === undefined ? {} : { value: failure.value };
}

/**
 * Returns the value the failing header should have. A `null` request origin comes from an opaque
 * page origin or a tainting redirect. Echoing `null` would let any sandboxed or file page in, so
 * the advice is `*`, which needs a request without credentials.
 */
export function expectedCorsValue(
  error: CorsCheckError,
  serializedOrigin: string,
  credentials: CredentialsMode,
): string {
  if (error === 'InvalidAllowCredentials') return 'true';
  if (serializedOrigin !== 'null') return serializedOrigin;
  return credentials === 'include'
    ? 'no safe value: serve the page from an http(s) origin and avoid cross-origin redirect chains'
    : '*';
}
