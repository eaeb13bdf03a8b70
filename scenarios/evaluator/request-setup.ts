/**
 * Request construction: the checks `new Request()` and `fetch()` run on the page's arguments
 * before anything is sent. URL and method checks raise a TypeError, the method is normalized,
 * and the `Headers` guards drop some headers without an error. https://fetch.spec.whatwg.org/#request-class
 */
import type { Initiator } from '../chromium-messages.ts';
import { isCorsSafelistedMethod, isCorsSafelistedRequestHeader, normalizeMethod } from '../fetch-rules.ts';
import type { HeaderPair } from '../records.ts';
import type { CredentialsMode } from '../types.ts';
import { isToken } from './header-lists.ts';
import { getHeader, normalizeHeaders } from './headers.ts';
import { includesCredentials, parsePageOrigin, parseUrl, type PageOrigin } from './origins.ts';
import type {
  ConstructionErrorOutcome,
  ConstructionErrorReason,
  CorsRequest,
  DroppedHeader,
  RedirectMode,
  RequestMode,
} from './types.ts';

/** The request after construction, ready for the fetch algorithm. */
export interface PreparedRequest {
  readonly origin: PageOrigin;
  readonly url: URL;
  readonly method: string;
  readonly headers: readonly HeaderPair[];
  readonly hasBody: boolean;
  readonly credentials: CredentialsMode;
  readonly mode: RequestMode;
  readonly redirect: RedirectMode;
  readonly initiator: Initiator;
  readonly droppedHeaders: readonly DroppedHeader[];
}

export type Preparation =
  | { readonly ok: true; readonly request: PreparedRequest }
  | {
      readonly ok: false;
      readonly outcome: ConstructionErrorOutcome;
      readonly droppedHeaders: readonly DroppedHeader[];
    };

/** The type a string body gets when the page sets no Content-Type. */
const textBodyContentType = 'text/plain;charset=UTF-8';

/**
 * Runs the checks of the Request constructor in the standard's order. Throws only for a page
 * origin that is not a serialized origin, which is the caller's mistake, not the page's.
 */
export function prepareRequest(input: CorsRequest): Preparation {
  const origin = parsePageOrigin(input.origin);
  const initiator = input.initiator ?? 'fetch';
  const mode = input.mode ?? 'cors';
  const fail = (reason: ConstructionErrorReason, text: string, droppedHeaders: DroppedHeader[] = []): Preparation => ({
    ok: false,
    outcome: {
      verdict: 'blocked',
      kind: 'construction',
      stage: 'construction',
      reason,
      message: constructionMessage(initiator, text),
    },
    droppedHeaders,
  });

  const url = parseUrl(input.url);
  if (url === undefined) return fail('invalid-url', `Failed to parse URL from ${input.url}`);
  if (includesCredentials(url)) {
    return fail(
      'url-with-credentials',
      `Request cannot be constructed from a URL that includes credentials: ${url.href}`,
    );
  }

  if (!isToken(input.method)) return fail('invalid-method', `'${input.method}' is not a valid HTTP method.`);
  if (isForbiddenMethod(input.method)) return fail('forbidden-method', `'${input.method}' HTTP method is unsupported.`);
  const method = normalizeMethod(input.method);
  if (mode === 'no-cors' && !isCorsSafelistedMethod(method)) {
    return fail('no-cors-method', `'${input.method}' is unsupported in no-cors mode.`);
  }

  const { headers, dropped } = filterHeaders(normalizeHeaders(input.headers), mode);
  const hasBody = input.body !== undefined;
  if (hasBody && (method === 'GET' || method === 'HEAD')) {
    return fail('body-with-get-or-head', 'Request with GET/HEAD method cannot have body.', dropped);
  }
  if (hasBody && getHeader(headers, 'content-type') === undefined) headers.push(['content-type', textBodyContentType]);

  return {
    ok: true,
    request: {
      origin,
      url,
      method,
      headers,
      hasBody,
      credentials: input.credentials ?? 'same-origin',
      mode,
      redirect: input.redirect ?? 'follow',
      initiator,
      droppedHeaders: dropped,
    },
  };
}

/**
 * Chromium prefixes the TypeError of `fetch()` with the API name.
 * NOTE: the forbidden-method and no-cors texts were observed in Chromium 156; the others follow
 * Blink's source and were not run. Other initiators raise differently and get the bare text.
 */
function constructionMessage(initiator: Initiator, text: string): string {
  return initiator === 'fetch' ? `Failed to execute 'fetch' on 'Window': ${text}` : text;
}

/** CONNECT, TRACE and TRACK, in any case. */
export function isForbiddenMethod(method: string): boolean {
  return ['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase());
}

const forbiddenRequestHeaderNames = [
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
];

const methodOverrideHeaderNames = ['x-http-method', 'x-http-method-override', 'x-method-override'];

/** Returns whether the header is a forbidden request-header, which the user agent alone controls. */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (forbiddenRequestHeaderNames.includes(lower)) return true;
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (methodOverrideHeaderNames.includes(lower)) {
    return value.split(',').some((method) => isForbiddenMethod(method.trim()));
  }
  return false;
}

const noCorsSafelistedNames = ['accept', 'accept-language', 'content-language', 'content-type'];

/**
 * Applies the `Headers` guards: `request` drops forbidden request-headers, and `request-no-cors`
 * also drops any header whose combined value is not a no-CORS-safelisted request-header.
 */
function filterHeaders(
  headers: readonly HeaderPair[],
  mode: RequestMode,
): { headers: HeaderPair[]; dropped: DroppedHeader[] } {
  const allowed: HeaderPair[] = [];
  const dropped: DroppedHeader[] = [];
  for (const [name, value] of headers) {
    if (isForbiddenRequestHeader(name, value)) {
      dropped.push({ name, reason: 'forbidden' });
      continue;
    }
    if (mode === 'no-cors') {
      const previous = getHeader(allowed, name);
      const combined = previous === undefined ? value : `${previous}, ${value}`;
      if (!noCorsSafelistedNames.includes(name) || !isCorsSafelistedRequestHeader(name, combined)) {
        dropped.push({ name, reason: 'no-cors' });
        continue;
      }
    }
    allowed.push([name, value]);
  }
  return { headers: allowed, dropped };
}
