/**
 * Responders built from what the servers recorded, so the e2e suite can replay one attempt's
 * exchanges through the evaluator and compare its verdict with the browser's.
 */
import type { HeaderPair } from '../records.ts';
import { parseUrl } from './origins.ts';
import type { HopResponse, OutgoingRequest, Responder } from './types.ts';

/** One recorded exchange: the shape of the records endpoint's entries, with the origin optional. */
export interface RecordedHop {
  readonly method: string;
  /** Path and query on the server's origin, or an absolute URL. */
  readonly url: string;
  readonly status: number;
  readonly responseHeaders: readonly HeaderPair[];
  /** The server's origin, for a URL given as path and query. */
  readonly origin?: string;
  /** The server's name, looked up in `origins`, for a URL given as path and query. */
  readonly server?: string;
}

export interface RecordedResponderOptions {
  /** Origins by server name, such as the playground's `OriginMap`. */
  readonly origins?: Readonly<Partial<Record<string, string>>>;
  /** Origin for exchanges that name neither an origin nor a server. */
  readonly baseOrigin?: string;
}

/**
 * Builds a responder that returns, for each request, the first recorded exchange not yet used
 * that has the same method and absolute URL, so a URL requested twice (a redirect loop, a second
 * preflight) gets its responses in arrival order. Exchanges that no request matches, such as a
 * proxy's upstream request, are ignored. A request with no match gets undefined, as one that got no response.
 *
 * The responder is stateful: build a new one for each evaluation.
 */
export function responderFromExchanges(
  exchanges: readonly RecordedHop[],
  options: RecordedResponderOptions = {},
): Responder {
  const pending = exchanges.map((exchange, index) => ({
    method: exchange.method,
    url: absoluteUrl(exchange, index, options),
    response: { status: exchange.status, headers: exchange.responseHeaders } satisfies HopResponse,
    used: false,
  }));

  return function respondFromRecords(request: OutgoingRequest): HopResponse | undefined {
    const match = pending.find((entry) => !entry.used && entry.method === request.method && entry.url === request.url);
    if (match === undefined) return undefined;
    match.used = true;
    return match.response;
  };
}

function absoluteUrl(exchange: RecordedHop, index: number, options: RecordedResponderOptions): string {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(exchange.url) ? parseUrl(exchange.url) : undefined;
  if (absolute !== undefined) return absolute.href;

  const origin =
    exchange.origin ??
    (exchange.server === undefined ? undefined : options.origins?.[exchange.server]) ??
    options.baseOrigin;
  const resolved = origin === undefined ? undefined : parseUrl(exchange.url, new URL(origin));
  if (resolved === undefined) {
    const serverHint = exchange.server === undefined ? '' : ` (server '${exchange.server}' is not in origins)`;
    throw new Error(
      `Recorded exchange ${index + 1} (${exchange.method} ${exchange.url}) has no origin to resolve against${serverHint}: ` +
        'give it an origin, pass origins by server name, or pass baseOrigin.',
    );
  }
  return resolved.href;
}
