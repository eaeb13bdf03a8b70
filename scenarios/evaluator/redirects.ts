/**
 * Redirect handling from the Fetch Standard's "HTTP fetch" and "HTTP-redirect fetch", in the
 * order Chromium 156 runs the checks where the two differ.
 */
import type { HeaderPair } from '../records.ts';
import { removeHeaders } from './headers.ts';
import { areSameOrigin, isSameOriginWithUrl, parseUrl, type PageOrigin } from './origins.ts';
import type { NormalizedResponse } from './types.ts';

/** The standard's redirect statuses. */
const redirectStatuses: readonly number[] = [301, 302, 303, 307, 308];

/** The maximum number of redirects a fetch follows; the 21st redirect is a network error. */
export const maxRedirects = 20;

/**
 * Returns the response's Location value when it is a redirect. A redirect status without a
 * Location header is an ordinary response, and reaches the page as it is.
 */
export function redirectLocation(response: NormalizedResponse): string | undefined {
  if (!redirectStatuses.includes(response.status)) return undefined;
  const location = response.headers.find(([name]) => name === 'location');
  return location?.[1];
}

export type LocationParse =
  | { readonly ok: true; readonly url: URL }
  | { readonly ok: false; readonly reason: 'invalid-redirect' | 'unsafe-redirect' };

/**
 * Resolves Location against the current URL. A location that does not parse, or whose scheme is
 * not HTTP(S), is a network error. Chromium's network stack rejects both before its CORS code
 * gets the redirect, so no CORS check runs on such a response.
 */
export function parseLocation(location: string, currentUrl: URL): LocationParse {
  const url = parseUrl(location, currentUrl);
  if (url === undefined) return { ok: false, reason: 'invalid-redirect' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'unsafe-redirect' };
  return { ok: true, url };
}

/** Request-body-header names, deleted when a redirect turns the request into a GET without body. */
const requestBodyHeaderNames = ['content-encoding', 'content-language', 'content-location', 'content-type'];

export interface RedirectedRequest {
  readonly method: string;
  readonly headers: readonly HeaderPair[];
  readonly hasBody: boolean;
}

/**
 * Rewrites the request for the next hop: 301 and 302 turn a POST into a GET, 303 turns anything
 * but GET and HEAD into a GET, and both drop the body and its headers. Leaving the origin also
 * deletes `Authorization`, the CORS non-wildcard request-header name.
 */
export function redirectRequest(
  request: RedirectedRequest,
  status: number,
  currentUrl: URL,
  locationUrl: URL,
): RedirectedRequest {
  let { method, headers, hasBody } = request;
  const turnsIntoGet =
    ((status === 301 || status === 302) && method === 'POST') ||
    (status === 303 && method !== 'GET' && method !== 'HEAD');
  if (turnsIntoGet) {
    method = 'GET';
    hasBody = false;
    headers = removeHeaders(headers, requestBodyHeaderNames);
  }
  if (!areSameOrigin(currentUrl, locationUrl)) headers = removeHeaders(headers, ['authorization']);
  return { method, headers, hasBody };
}

/**
 * Returns whether the redirect taints the request origin, so that later hops send `Origin: null`.
 * Per the standard's "redirect-taint", that happens when a URL whose origin differs from the
 * request origin redirects to yet another origin.
 */
export function taintsOrigin(origin: PageOrigin, currentUrl: URL, locationUrl: URL): boolean {
  return !areSameOrigin(currentUrl, locationUrl) && !isSameOriginWithUrl(origin, currentUrl);
}
