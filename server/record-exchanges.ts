import type { MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { ServerName } from '../scenarios/origins.ts';
import { traceParameter, tracePattern, type HeaderPair } from '../scenarios/records.ts';
import { playgroundError } from './playground-error.ts';
import type { RecordStore } from './record-store.ts';

/**
 * Records every request that carries a trace id in its query, with the response the server sent.
 * It runs before any scenario middleware so that it also records the responses of auth or redirect steps.
 */
export function recordExchanges(store: RecordStore, server: ServerName, appOrigin: string): MiddlewareHandler {
  return async function recordExchanges(c, next) {
    const url = new URL(c.req.url);
    const trace = url.searchParams.get(traceParameter);
    if (trace === null) {
      await next();
      return;
    }
    if (!tracePattern.test(trace)) {
      return playgroundError(c, 400, {
        error: `Invalid trace id '${truncate(trace)}': expected 8 to 64 characters from A-Z, a-z, 0-9, '-' and '_'.`,
        appOrigin,
      });
    }

    const sequence = store.nextSequence(trace);
    const receivedAt = new Date().toISOString();
    const requestHeaders = headersAsReceived(c.env as { incoming?: IncomingMessage } | undefined, c.req.raw.headers);
    await next();

    store.add(trace, {
      server,
      sequence,
      receivedAt,
      method: c.req.method,
      url: url.pathname + url.search,
      requestHeaders,
      status: c.res.status,
      responseHeaders: responseHeaderPairs(c.res.headers),
    });
  };
}

/** Node's raw header list keeps repeated headers and their order, which a Headers object merges. */
function headersAsReceived(env: { incoming?: IncomingMessage } | undefined, headers: Headers): HeaderPair[] {
  const raw = env?.incoming?.rawHeaders;
  if (raw === undefined) return [...headers.entries()];
  const pairs: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  }
  return pairs;
}

function responseHeaderPairs(headers: Headers): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (const [name, value] of headers) {
    if (name === 'set-cookie') continue;
    pairs.push([name, value]);
  }
  for (const cookie of headers.getSetCookie()) pairs.push(['set-cookie', cookie]);
  return pairs;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
