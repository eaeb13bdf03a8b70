/**
 * Origins and responders shared by the evaluator's unit tests. Origins use the reserved `.test`
 * top-level domain: the evaluator never connects anywhere, so they only need to be distinct.
 */
import type { HeaderList } from '../fetch-rules.ts';
import type { HopResponse, OutgoingRequest, Responder } from './types.ts';

export const pageOrigin = 'http://app.test';
export const apiOrigin = 'http://api.test';
export const otherOrigin = 'http://other.test';
export const apiUrl = `${apiOrigin}/data`;

type TableEntry = HopResponse | readonly HopResponse[];

/**
 * Creates a responder that looks responses up by `METHOD URL`. A list of responses is used in
 * order, one per request, for a URL requested more than once. A request with no entry gets none.
 */
export function respondWith(table: Readonly<Record<string, TableEntry>>): Responder {
  const used = new Map<string, number>();
  return (request: OutgoingRequest) => {
    const key = `${request.method} ${request.url}`;
    const entry = table[key];
    if (entry === undefined || !Array.isArray(entry)) return entry as HopResponse | undefined;
    const index = used.get(key) ?? 0;
    used.set(key, index + 1);
    return (entry as readonly HopResponse[])[index];
  };
}

/** Builds a response with the given status and headers. */
export function answer(status: number, headers: HeaderList = {}): HopResponse {
  return { status, headers };
}

/** Builds a 200 response that names the page origin in Access-Control-Allow-Origin, plus any other headers. */
export function allowed(headers: Readonly<Record<string, string>> = {}): HopResponse {
  return answer(200, { 'Access-Control-Allow-Origin': pageOrigin, ...headers });
}

/** Builds a 204 preflight response that names the page origin, plus the given CORS headers. */
export function preflightAllows(headers: Readonly<Record<string, string>> = {}): HopResponse {
  return answer(204, { 'Access-Control-Allow-Origin': pageOrigin, ...headers });
}

/** Builds a redirect to `location` with the given extra headers. */
export function redirectTo(
  location: string,
  headers: Readonly<Record<string, string>> = {},
  status = 302,
): HopResponse {
  return answer(status, { Location: location, ...headers });
}
