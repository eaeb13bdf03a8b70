/**
 * Sends the evaluator's requests over HTTP with Node's fetch, as the browser would send them:
 * the headers the evaluator lists (Origin and Access-Control-Request-* included), no redirect
 * following of its own, and the body only on the actual request.
 */
import type { AsyncResponder, HopResponse, OutgoingRequest } from '../../scenarios/evaluator/types.ts';

export interface NetworkError {
  readonly method: string;
  readonly url: string;
  readonly message: string;
}

export interface HttpResponder {
  readonly respond: AsyncResponder;
  /** Requests that got no response, with the reason. */
  readonly errors: NetworkError[];
}

/** Names the client in the API's logs; a browser would send its own User-Agent. */
const userAgent = 'cors-playground-check (sends the requests a browser would)';

export interface HttpResponderOptions {
  readonly body: string | undefined;
  readonly timeoutMs: number;
  /** A Cookie header, and the host it belongs to, as a browser's cookie jar would hold it. */
  readonly cookie?: { readonly header: string; readonly hostname: string };
}

export function httpResponder({ body, timeoutMs, cookie }: HttpResponderOptions): HttpResponder {
  const errors: NetworkError[] = [];

  async function respond(request: OutgoingRequest): Promise<HopResponse | undefined> {
    const headers = new Headers(request.headers.map(([name, value]): [string, string] => [name, value]));
    // Chromium sends Accept: */* with fetch() and with every preflight.
    if (!headers.has('accept')) headers.set('accept', '*/*');
    headers.set('user-agent', userAgent);
    const sendsBody =
      body !== undefined && request.role === 'actual' && request.method !== 'GET' && request.method !== 'HEAD';
    if (sendsBody && !headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
    // A preflight never carries cookies. Cookies ignore ports, so every request to the host gets them.
    if (cookie !== undefined && request.role === 'actual' && new URL(request.url).hostname === cookie.hostname) {
      headers.set('cookie', cookie.header);
    }
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers,
        ...(sendsBody && { body }),
        // The evaluator follows redirects itself, checking CORS on each hop as the browser does.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      return { status: response.status, headers: [...response.headers] };
    } catch (error) {
      errors.push({ method: request.method, url: request.url, message: describeError(error, timeoutMs) });
      return undefined;
    }
  }

  return { respond, errors };
}

/** Node's fetch() rejects with "fetch failed" and puts the reason, such as ECONNREFUSED, in `cause`. */
function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no response within ${timeoutMs} ms`;
  if (error instanceof Error && error.cause instanceof Error) return `${error.message}: ${error.cause.message}`;
  return error instanceof Error ? error.message : String(error);
}
