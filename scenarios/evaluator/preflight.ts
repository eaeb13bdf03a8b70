/**
 * The CORS-preflight fetch (https://fetch.spec.whatwg.org/#cors-preflight-fetch): the OPTIONS
 * request the browser sends first, and the checks its response must pass.
 */
import { corsUnsafeRequestHeaderNames, isCorsSafelistedMethod, isCorsSafelistedRequestHeader } from '../fetch-rules.ts';
import type { HeaderPair } from '../records.ts';
import type { CredentialsMode, MessageDetail } from '../types.ts';
import { corsCheck, corsCheckDetail, expectedCorsValue, preflightCorsError } from './cors-check.ts';
import { parseTokenList } from './header-lists.ts';
import { getHeader, hasHeader } from './headers.ts';
import { redirectLocation } from './redirects.ts';
import type { NormalizedResponse, ResponseCorsError } from './types.ts';

/** Whose rules decide where Chromium 156 and the Fetch Standard differ. */
export type Conformance = 'chromium-156' | 'standard';

/** The actual request, whose method and headers the preflight names. */
export interface PreflightSubject {
  /** Normalized method of the actual request. */
  readonly method: string;
  readonly headers: readonly HeaderPair[];
  readonly credentials: CredentialsMode;
  /** Serialized request origin: the page origin, or `null` after a tainting redirect. */
  readonly serializedOrigin: string;
}

/** Builds the preflight's headers: `Accept: *\/*`, the method, and the CORS-unsafe header names. */
export function preflightHeaders(
  subject: PreflightSubject,
  conformance: Conformance = 'chromium-156',
): {
  headers: HeaderPair[];
  requestMethod: string;
  requestHeaders: string | undefined;
} {
  const unsafeNames = corsUnsafeRequestHeaderNames(subject.headers, conformance);
  // Joined with a comma and no space, which is how browsers have always sent it.
  const requestHeaders = unsafeNames.length > 0 ? unsafeNames.join(',') : undefined;
  const headers: HeaderPair[] = [
    ['accept', '*/*'],
    ['access-control-request-method', subject.method],
  ];
  if (requestHeaders !== undefined) headers.push(['access-control-request-headers', requestHeaders]);
  headers.push(['origin', subject.serializedOrigin]);
  return { headers, requestMethod: subject.method, requestHeaders };
}

export interface PreflightSuccess {
  readonly ok: true;
  readonly methods: readonly string[];
  readonly headerNames: readonly string[];
  /** Raw Access-Control-Max-Age value, which the preflight cache parses by its own policy. */
  readonly maxAge: string | undefined;
  /** Chromium 156 let `Authorization` through only because Access-Control-Allow-Headers is `*`. */
  readonly authorizationCoveredByWildcard: boolean;
}

export interface PreflightFailure {
  readonly ok: false;
  readonly corsError: ResponseCorsError;
  readonly detail: MessageDetail;
  readonly target: { readonly header: string } | { readonly status: true };
  readonly actual: string | undefined;
  readonly expected: string;
  /** The element that is not a token, for a list that does not parse. */
  readonly invalidToken?: string;
}

export type PreflightResult = PreflightSuccess | PreflightFailure;

/**
 * Checks a preflight response in Chromium's order. A redirect fails at once. Then come the CORS
 * check (with the actual request's credentials mode), the ok status, the two lists, and last the
 * method and the headers.
 */
export function checkPreflightResponse(
  response: NormalizedResponse,
  subject: PreflightSubject,
  conformance: Conformance,
): PreflightResult {
  const location = redirectLocation(response);
  if (location !== undefined) {
    return {
      ok: false,
      corsError: 'PreflightDisallowedRedirect',
      detail: {},
      target: { status: true },
      actual: `${response.status} redirect to ${location}`,
      expected: 'an ok status (200 to 299), answered at this URL without a redirect',
    };
  }

  const isOkStatus = response.status >= 200 && response.status <= 299;
  const check = corsCheck(response.headers, subject.serializedOrigin, subject.credentials);
  if (!check.ok) {
    const corsError = preflightCorsError(check.corsError);
    const detail = corsCheckDetail(check);
    // A failing status blocks the preflight whatever the headers contain, so it is the first thing to fix.
    if (!isOkStatus) {
      return {
        ok: false,
        corsError,
        detail,
        target: { status: true },
        actual: String(response.status),
        expected: `an ok status (200 to 299) with ${check.header} set correctly`,
      };
    }
    return {
      ok: false,
      corsError,
      detail,
      target: { header: check.header },
      actual: check.value,
      expected: expectedCorsValue(check.corsError, subject.serializedOrigin, subject.credentials),
    };
  }
  if (!isOkStatus) {
    return {
      ok: false,
      corsError: 'PreflightInvalidStatus',
      detail: {},
      target: { status: true },
      actual: String(response.status),
      expected: 'an ok status (200 to 299), such as 204',
    };
  }

  // Chromium parses Access-Control-Allow-Methods first, so its failure wins when both are broken.
  const allowMethods = getHeader(response.headers, 'Access-Control-Allow-Methods');
  const methods = parseTokenList(allowMethods);
  if (!methods.ok) {
    return {
      ok: false,
      corsError: 'InvalidAllowMethodsPreflightResponse',
      detail: {},
      target: { header: 'Access-Control-Allow-Methods' },
      actual: allowMethods,
      expected: 'a comma-separated list of method tokens, such as GET, PUT',
      invalidToken: methods.invalidToken,
    };
  }
  const allowHeaders = getHeader(response.headers, 'Access-Control-Allow-Headers');
  const headerNames = parseTokenList(allowHeaders);
  if (!headerNames.ok) {
    return {
      ok: false,
      corsError: 'InvalidAllowHeadersPreflightResponse',
      detail: {},
      target: { header: 'Access-Control-Allow-Headers' },
      actual: allowHeaders,
      expected: 'a comma-separated list of header names, such as Content-Type, Authorization',
      invalidToken: headerNames.invalidToken,
    };
  }

  const include = subject.credentials === 'include';
  if (!isMethodAllowed(subject.method, methods.items, include)) {
    return {
      ok: false,
      corsError: 'MethodDisallowedByPreflightResponse',
      detail: { method: subject.method },
      target: { header: 'Access-Control-Allow-Methods' },
      actual: allowMethods,
      expected: appendToList(allowMethods, subject.method, include),
    };
  }

  const lowerNames = headerNames.items.map((name) => name.toLowerCase());
  // `*` is a wildcard only without credentials; with them it matches a header named `*`.
  const wildcard = !include && lowerNames.includes('*');
  const requestsAuthorization = hasHeader(subject.headers, 'authorization') && !lowerNames.includes('authorization');
  // Authorization is the CORS non-wildcard request-header name: the standard requires it to be
  // listed even under `*`. Chromium 156 ships with NonWildcardRequestHeadersSupport off, so it
  // lets the request through and only reports a deprecation issue.
  if (requestsAuthorization && (conformance === 'standard' || !wildcard)) {
    return headerFailure('authorization', allowHeaders, include);
  }
  if (!wildcard) {
    const missing = unsafeNamesInCheckOrder(subject.headers, conformance).find((name) => !lowerNames.includes(name));
    if (missing !== undefined) return headerFailure(missing, allowHeaders, include);
  }

  return {
    ok: true,
    methods: methods.items,
    headerNames: headerNames.items,
    maxAge: getHeader(response.headers, 'Access-Control-Max-Age'),
    authorizationCoveredByWildcard: requestsAuthorization && wildcard,
  };
}

/**
 * Returns whether the method is allowed: listed byte for byte (`put` does not allow `PUT`),
 * safelisted, or covered by a `*` in the list when the request has no credentials.
 */
export function isMethodAllowed(method: string, methods: readonly string[], include: boolean): boolean {
  if (isCorsSafelistedMethod(method) || methods.includes(method)) return true;
  return !include && methods.includes('*');
}

function headerFailure(name: string, allowHeaders: string | undefined, include: boolean): PreflightFailure {
  return {
    ok: false,
    corsError: 'HeaderDisallowedByPreflightResponse',
    detail: { header: name },
    target: { header: 'Access-Control-Allow-Headers' },
    actual: allowHeaders,
    expected: appendToList(allowHeaders, name, include),
  };
}

/**
 * Lists the CORS-unsafe names in the order Chromium checks them, which decides the name its
 * message reports. Names that are not safelisted come first, then the safelisted names when their
 * values exceed 1024 bytes. Each group is sorted, as Blink keeps fetch() headers sorted.
 */
export function unsafeNamesInCheckOrder(
  headers: readonly HeaderPair[],
  conformance: Conformance = 'chromium-156',
): string[] {
  const all = corsUnsafeRequestHeaderNames(headers, conformance);
  const notSafelisted = new Set(
    headers.filter(([name, value]) => !isCorsSafelistedRequestHeader(name, value, conformance)).map(([name]) => name),
  );
  return [...all.filter((name) => notSafelisted.has(name)), ...all.filter((name) => !notSafelisted.has(name))];
}

/** Returns the list with the missing item added. With credentials a `*` item is a literal, so it is dropped. */
function appendToList(list: string | undefined, item: string, include: boolean): string {
  const items = parseTokenList(list);
  const remaining = items.ok ? items.items.filter((entry) => !(include && entry === '*')) : [];
  return [...remaining, item].join(', ');
}
