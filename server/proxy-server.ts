import { Hono } from 'hono';
import { proxy } from 'hono/proxy';
import { logger } from 'hono/logger';
import {
  fillOrigins,
  findScenario,
  variantNames,
  type OriginMap,
  type ServerBehaviour,
  type VariantName,
} from '../scenarios/index.ts';
import type { Log } from './log.ts';
import { playgroundError } from './playground-error.ts';
import { recordExchanges } from './record-exchanges.ts';
import { SharedCache } from './cache-store.ts';
import type { RecordStore } from './record-store.ts';

export interface ProxyServerOptions {
  /** Base URL of the API behind the proxy, such as `http://127.0.0.1:8001`. */
  readonly upstream: string;
  readonly origins: OriginMap;
  readonly store: RecordStore;
  readonly log: Log;
  /** Sends the forwarded request; tests pass the API app's own `request`. Default: `fetch`. */
  readonly fetchUpstream?: (request: Request) => Promise<Response>;
  /** The shared cache for variants with `proxyCaches`. Default: a new one with the default limits. */
  readonly cache?: SharedCache;
}

/**
 * nginx applies `add_header` only to these statuses unless the directive ends with `always`, so a
 * proxy-added CORS header vanishes from error responses. This proxy behaves the same way.
 */
const addHeaderStatuses = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);

/**
 * Creates a reverse proxy that forwards every request to the API, as nginx or a gateway would.
 * For variants with `proxyAddsHeaders`, it adds headers of its own to the API's response. For variants
 * with `proxyCaches`, it also acts as a shared cache and marks each response `X-Cache: HIT` or `MISS`.
 */
export function createProxyServer({
  upstream,
  origins,
  store,
  log,
  fetchUpstream,
  cache = new SharedCache(),
}: ProxyServerOptions): Hono {
  const app = new Hono();
  app.use(logger((line, ...rest) => log(['[proxy]', line, ...rest].join(' '))));
  app.use(recordExchanges(store, 'proxy', origins.app));

  app.all('*', async function forwardToApi(c) {
    const url = new URL(c.req.url);
    if (unsupportedMethods.has(c.req.method)) {
      log(`[proxy] 405 ${c.req.method} ${url.pathname}: fetch() cannot send this method`);
      c.header('Allow', allowedMethods);
      return playgroundError(c, 405, {
        error: `Method ${c.req.method} is not supported by this proxy, which forwards with fetch(). Use one of: ${allowedMethods}.`,
        appOrigin: origins.app,
      });
    }

    const caches = proxyCachesAt(url.pathname);
    const cacheRequest = { method: c.req.method, url: url.pathname + url.search, headers: c.req.raw.headers };
    const cached = caches ? cache.lookup(cacheRequest) : undefined;
    if (cached !== undefined) {
      log(
        `[proxy] cache HIT ${c.req.method} ${url.pathname}: answered from the cache, age ${cached.headers.get('Age')} s`,
      );
      cached.headers.set('X-Cache', 'HIT');
      return withProxyAddedHeaders(cached, url.pathname, origins);
    }

    let response: Response;
    try {
      response = await proxy(`${upstream}${url.pathname}${url.search}`, {
        raw: c.req.raw,
        headers: forwardedHeaders(c.req.raw.headers, url),
        // A reverse proxy passes the API's redirects to the client. Following them would fail for a
        // streamed body, and could make the proxy fetch whatever host a Location header names.
        redirect: 'manual',
        ...(fetchUpstream && { customFetch: fetchUpstream }),
      });
    } catch (error) {
      if (c.req.raw.signal.aborted) {
        log(`[proxy] ${c.req.method} ${url.pathname}: the client closed the connection before the API answered`);
      } else {
        log(
          `[proxy] 502 ${c.req.method} ${url.pathname}: the API at ${upstream} sent no response: ${describeError(error)}`,
        );
      }
      return playgroundError(c, 502, {
        error: `Bad gateway: the API behind this proxy (${upstream}) sent no response. Is the API server running?`,
        appOrigin: origins.app,
      });
    }

    if (caches) {
      const decision = await cache.store(cacheRequest, response);
      const outcome = decision.stored ? `stored for ${decision.freshForSeconds} s` : `not stored: ${decision.reason}`;
      log(`[proxy] cache MISS ${c.req.method} ${url.pathname}: ${outcome}`);
      response.headers.set('X-Cache', 'MISS');
    }
    return withProxyAddedHeaders(response, url.pathname, origins);
  });
  return app;
}

/** Adds the headers of the variant's proxy configuration, on the statuses where nginx's add_header applies. */
function withProxyAddedHeaders(response: Response, pathname: string, origins: OriginMap): Response {
  if (addHeaderStatuses.has(response.status)) {
    for (const [name, value] of proxyAddedHeaders(pathname, origins)) {
      response.headers.append(name, value);
    }
  }
  return response;
}

/** Methods that fetch() rejects (Fetch standard, "forbidden method"), so the proxy cannot forward them. */
const unsupportedMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const allowedMethods = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * Headers not to forward: the hop-by-hop ones (RFC 9110, section 7.6.1), which describe the
 * client's connection to this proxy, `Expect`, which Node's HTTP server has already handled by
 * sending 100 Continue, and `Host`, which fetch() sets from the upstream URL. Node's fetch()
 * rejects a request that carries `Connection: upgrade`, `Upgrade` or `Expect`, so forwarding them
 * made the proxy respond 502 although the API was up.
 */
const hopByHopHeaders = [
  'connection',
  'expect',
  'host',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
const headerNamePattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Copies the client's headers for the API, without hop-by-hop ones, adding the usual X-Forwarded ones. */
function forwardedHeaders(received: Headers, url: URL): Headers {
  const headers = new Headers(received);
  const listedInConnection = (received.get('connection') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => headerNamePattern.test(name));
  for (const name of [...hopByHopHeaders, ...listedInConnection]) headers.delete(name);

  const host = received.get('host');
  if (host !== null) headers.set('x-forwarded-host', host);
  headers.set('x-forwarded-proto', url.protocol.replace(':', ''));
  return headers;
}

/** Node's fetch() rejects with "fetch failed" and puts the reason, such as ECONNREFUSED, in `cause`. */
function describeError(error: unknown): string {
  if (error instanceof Error && error.cause instanceof Error) return `${String(error)} (${String(error.cause)})`;
  return String(error);
}

/** Headers that the proxy configuration of the variant at this path adds, with origins filled in. */
function proxyAddedHeaders(pathname: string, origins: OriginMap): [string, string][] {
  const server = variantServerAt(pathname);
  if (server === undefined) return [];
  return Object.entries(server.proxyAddsHeaders).map(([name, value]) => [name, fillOrigins(value, origins)]);
}

/** Whether the proxy configuration of the variant at this path caches. */
function proxyCachesAt(pathname: string): boolean {
  return variantServerAt(pathname)?.proxyCaches === true;
}

/** The server behaviour of the variant whose prefix `/scenarios/<id>/<variant>` the path starts with. */
function variantServerAt(pathname: string): ServerBehaviour | undefined {
  const [, first, id, variant] = pathname.split('/');
  if (first !== 'scenarios' || id === undefined || !isVariantName(variant)) return undefined;
  return findScenario(id)?.variants[variant].server;
}

function isVariantName(value: string | undefined): value is VariantName {
  return (variantNames as readonly (string | undefined)[]).includes(value);
}
