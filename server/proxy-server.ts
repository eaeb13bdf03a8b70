import { Hono } from 'hono';
import { proxy } from 'hono/proxy';
import { logger } from 'hono/logger';
import { fillOrigins, findScenario, variantNames, type OriginMap, type VariantName } from '../scenarios/index.ts';
import type { Log } from './log.ts';
import { playgroundError } from './playground-error.ts';
import { recordExchanges } from './record-exchanges.ts';
import type { RecordStore } from './record-store.ts';

export interface ProxyServerOptions {
  /** Base URL of the API behind the proxy, such as `http://127.0.0.1:8001`. */
  readonly upstream: string;
  readonly origins: OriginMap;
  readonly store: RecordStore;
  readonly log: Log;
  /** Sends the forwarded request; tests pass the API app's own `request`. Default: `fetch`. */
  readonly fetchUpstream?: (request: Request) => Promise<Response>;
}

/**
 * nginx applies `add_header` only to these statuses unless the directive says `always`, so a
 * proxy-added CORS header vanishes from error responses. This proxy behaves the same way.
 */
const addHeaderStatuses = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);

/**
 * Creates a reverse proxy that forwards every request to the API, as nginx or a gateway would.
 * For scenarios whose variant says so, it adds headers of its own to the API's response.
 */
export function createProxyServer({ upstream, origins, store, log, fetchUpstream }: ProxyServerOptions): Hono {
  const app = new Hono();
  app.use(logger((line, ...rest) => log(['[proxy]', line, ...rest].join(' '))));
  app.use(recordExchanges(store, 'proxy', origins.app));

  app.all('*', async function forwardToApi(c) {
    const url = new URL(c.req.url);
    const forwardedHeaders: Record<string, string | undefined> = {
      ...c.req.header(),
      host: undefined,
      'x-forwarded-host': c.req.header('host'),
      'x-forwarded-proto': url.protocol.replace(':', ''),
    };

    let response: Response;
    try {
      response = await proxy(`${upstream}${url.pathname}${url.search}`, {
        raw: c.req.raw,
        headers: forwardedHeaders,
        ...(fetchUpstream && { customFetch: fetchUpstream }),
      });
    } catch (error) {
      log(`[proxy] 502 ${c.req.method} ${url.pathname}: the API at ${upstream} did not answer: ${String(error)}`);
      return playgroundError(c, 502, {
        error: `Bad gateway: the API behind this proxy (${upstream}) did not answer. Is the API server running?`,
        appOrigin: origins.app,
      });
    }

    if (addHeaderStatuses.has(response.status)) {
      for (const [name, value] of proxyAddedHeaders(url.pathname, origins)) {
        response.headers.append(name, value);
      }
    }
    return response;
  });
  return app;
}

/** Headers that the proxy configuration of the variant at this path adds, with origins filled in. */
function proxyAddedHeaders(pathname: string, origins: OriginMap): [string, string][] {
  const [, first, id, variant] = pathname.split('/');
  if (first !== 'scenarios' || id === undefined || !isVariantName(variant)) return [];
  const scenario = findScenario(id);
  if (scenario === undefined) return [];
  return Object.entries(scenario.variants[variant].server.proxyAddsHeaders).map(([name, value]) => [
    name,
    fillOrigins(value, origins),
  ]);
}

function isVariantName(value: string | undefined): value is VariantName {
  return (variantNames as readonly (string | undefined)[]).includes(value);
}
