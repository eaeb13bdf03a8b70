/**
 * A model of how a catalog variant's Hono server answers one request, written as data so that it
 * runs in the browser too. It follows what the real middleware in `server/middleware/` and Hono's
 * `cors()` do; `from-scenario.test.ts` compares it with the real servers for every variant.
 */
import { assertNever } from '../chromium-messages.ts';
import { connectionClosedStatus } from '../closed-connection.ts';
import { originAllowed } from '../origin-pattern.ts';
import { fillOrigins, originsFromPorts, portsFromEnv, type ServerName } from '../origins.ts';
import type { CorsSettings, Middleware, ServerBehaviour } from '../types.ts';

/** A request as a variant's server receives it, with origins still written as `{app}` templates. */
export interface ModelRequest {
  readonly server: ServerName;
  readonly method: string;
  /** Lowercase names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Whether the path ends with a slash, as after a trailing-slash redirect. */
  readonly trailingSlash: boolean;
}

/** The route a variant registers: its method and response. */
export interface ModelRoute {
  readonly method: string;
  readonly behaviour: ServerBehaviour;
}

export interface ModelAnswer {
  readonly status: number;
  /** Headers in the order the server set them, with names as the catalog or Hono write them. */
  readonly headers: [string, string][];
  readonly body?: string;
  readonly bodyEncoding?: 'base64';
  /** Set for a redirect: the server and user info of the Location. */
  readonly redirect?: { readonly target: ServerName; readonly userinfo?: string };
}

/** nginx's `add_header` applies only to these statuses, and so does the playground's proxy. */
const proxyAddHeaderStatuses = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);

/** Hono's `cors()` default for `allowMethods`. */
const honoDefaultMethods = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH', 'QUERY'];

/** An ordered header list with the set, append and delete of a `Headers` object. */
class HeaderBag {
  readonly entries: [string, string][] = [];

  set(name: string, value: string): void {
    this.delete(name);
    this.entries.push([name, value]);
  }

  append(name: string, value: string): void {
    this.entries.push([name, value]);
  }

  delete(name: string): void {
    const lower = name.toLowerCase();
    for (let index = this.entries.length - 1; index >= 0; index -= 1) {
      if (this.entries[index]![0].toLowerCase() === lower) this.entries.splice(index, 1);
    }
  }
}

type Result = Omit<ModelAnswer, 'headers'>;

/** Runs the variant's chain for one request, as Hono composes middleware and routes. */
export function answerRequest(route: ModelRoute, request: ModelRequest): ModelAnswer {
  const { behaviour } = route;
  const bag = new HeaderBag();
  const routeMatches = request.method === route.method;

  const runRoute = (): Result => {
    for (const [name, value] of Object.entries(behaviour.response.headers)) bag.set(name, value);
    const { raw } = behaviour.response;
    if (raw !== undefined) {
      bag.set('Content-Type', raw.contentType);
      return {
        status: behaviour.response.status,
        body: raw.text,
        ...(raw.encoding !== undefined && { bodyEncoding: raw.encoding }),
      };
    }
    bag.set('Content-Type', 'application/json');
    return { status: behaviour.response.status, body: JSON.stringify(behaviour.response.body) };
  };

  const notFound = (): Result => {
    bag.set('Content-Type', 'text/plain; charset=UTF-8');
    return { status: 404, body: '404 Not Found' };
  };

  const run = (index: number): Result => {
    const step = behaviour.middleware[index];
    if (step === undefined) return routeMatches ? runRoute() : notFound();
    return runStep(step, bag, request, () => run(index + 1));
  };

  // A route registered first ends the chain for its method, so no middleware runs for it.
  const result = behaviour.routeFirst && routeMatches ? runRoute() : run(0);

  // A case is one request, so a caching proxy's cache is still empty: the response is always a miss.
  if (request.server === 'proxy' && behaviour.proxyCaches === true) bag.set('X-Cache', 'MISS');
  if (request.server === 'proxy' && proxyAddHeaderStatuses.has(result.status)) {
    for (const [name, value] of Object.entries(behaviour.proxyAddsHeaders)) bag.append(name, value);
  }
  return { ...result, headers: bag.entries };
}

function runStep(step: Middleware, bag: HeaderBag, request: ModelRequest, next: () => Result): Result {
  switch (step.kind) {
    case 'cors':
      return runCors(step.settings, bag, request, next);
    case 'set-headers': {
      const result = next();
      for (const [name, value] of Object.entries(step.headers)) bag.set(name, value);
      return result;
    }
    case 'require-authorization':
      if (request.headers.authorization !== undefined) return next();
      bag.set('WWW-Authenticate', 'Bearer');
      bag.set('Content-Type', 'application/json');
      return { status: 401, body: JSON.stringify({ error: 'Missing Authorization header' }) };
    case 'redirect-to-trailing-slash':
      if (request.trailingSlash) return next();
      return { status: step.status, redirect: { target: request.server } };
    case 'answer-options':
      if (request.method !== 'OPTIONS') return next();
      for (const [name, value] of Object.entries(step.headers)) bag.set(name, value);
      return { status: 204 };
    case 'cors-changing-per-preflight':
      // One request without an attempt's history: the policy before any preflight changes it.
      return runCors(step.policies[0]!, bag, request, next);
    case 'echo-allowed-origin': {
      const result = next();
      const origin = request.headers.origin;
      if (origin !== undefined && step.allowed.includes(origin)) bag.set('Access-Control-Allow-Origin', origin);
      if (step.varyOrigin) bag.append('Vary', 'Origin');
      return result;
    }
    case 'close-connection':
      // No response goes out: the records keep this status for the request the server received.
      return { status: connectionClosedStatus };
    case 'redirect-to-server':
      if (request.server === step.server) return next();
      return {
        status: step.status,
        redirect: { target: step.server, ...(step.userinfo !== undefined && { userinfo: step.userinfo }) },
      };
    case 'cors-origin-check': {
      const origin = request.headers.origin ?? '';
      const allowed = originAllowed(fillWithDefaults(origin), step.exact, step.pattern, defaultOrigins);
      return runCors({ ...step.settings, origin: allowed ? [origin] : [] }, bag, request, next);
    }
    case 'websocket-origin-check':
      // It checks WebSocket handshakes only, which the model does not send.
      return next();
    case 'csrf': {
      // Hono's csrf(): a request that any page may send without a preflight must come from an allowed origin.
      const formLike = /^\b(application\/x-www-form-urlencoded|multipart\/form-data|text\/(?:plain|ping))\b/i;
      const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
      const origin = request.headers.origin;
      if (!unsafe || !formLike.test(request.headers['content-type'] ?? 'text/plain')) return next();
      if (origin !== undefined && step.origin.includes(origin)) return next();
      bag.set('Content-Type', 'text/plain;charset=UTF-8');
      return { status: 403, body: 'Forbidden' };
    }
    default:
      return assertNever(step);
  }
}

/** Hono's `cors()`: headers before the route, and a 204 of its own for OPTIONS. */
function runCors(settings: CorsSettings, bag: HeaderBag, request: ModelRequest, next: () => Result): Result {
  const origin = request.headers.origin ?? '';
  const allowOrigin =
    typeof settings.origin === 'string'
      ? settings.origin === '*' || settings.origin === origin
        ? settings.origin
        : undefined
      : settings.origin.includes(origin)
        ? origin
        : undefined;
  const varies = settings.origin !== '*';

  if (allowOrigin !== undefined && allowOrigin !== '') bag.set('Access-Control-Allow-Origin', allowOrigin);
  if (settings.credentials === true) bag.set('Access-Control-Allow-Credentials', 'true');
  if (settings.exposeHeaders !== undefined && settings.exposeHeaders.length > 0) {
    bag.set('Access-Control-Expose-Headers', settings.exposeHeaders.join(','));
  }

  if (request.method === 'OPTIONS') {
    if (varies) bag.append('Vary', 'Origin');
    if (settings.maxAge !== undefined) bag.set('Access-Control-Max-Age', String(settings.maxAge));
    const methods = (settings.allowMethods ?? honoDefaultMethods).join(',');
    if (methods !== '') bag.set('Access-Control-Allow-Methods', methods);
    // Without allowHeaders, cors() allows whatever the preflight asks for.
    const allowHeaders =
      settings.allowHeaders !== undefined && settings.allowHeaders.length > 0
        ? settings.allowHeaders.join(',')
        : (request.headers['access-control-request-headers'] ?? '')
            .split(',')
            .map((name) => name.trim())
            .join(',');
    if (allowHeaders !== '') {
      bag.set('Access-Control-Allow-Headers', allowHeaders);
      bag.append('Vary', 'Access-Control-Request-Headers');
    }
    bag.delete('Content-Length');
    bag.delete('Content-Type');
    return { status: 204 };
  }

  const result = next();
  if (varies) bag.append('Vary', 'Origin');
  return result;
}

/**
 * The model keeps origins as `{app}` templates, but an allowlist pattern tests the serialized text, so it
 * is tested against the default ports' origins.
 * NOTE: a pattern that depends on the port's digits could answer otherwise on other ports.
 */
const defaultOrigins = originsFromPorts(portsFromEnv({}));

function fillWithDefaults(origin: string): string {
  return fillOrigins(origin, defaultOrigins);
}
