import { Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { assertNever } from '../scenarios/chromium-messages.ts';
import { fillOrigins, type OriginMap } from '../scenarios/origins.ts';
import type { Middleware, Scenario, VariantName } from '../scenarios/types.ts';
import { answerOptions } from './middleware/answer-options.ts';
import { closeConnection } from './middleware/close-connection.ts';
import { corsFromSettings } from './middleware/cors-from-settings.ts';
import { echoAllowedOrigin } from './middleware/echo-allowed-origin.ts';
import { corsOriginCheck } from './middleware/cors-origin-check.ts';
import { csrfFromOrigins } from './middleware/csrf-from-origins.ts';
import { corsChangingPerPreflight } from './middleware/cors-changing-per-preflight.ts';
import { redirectToServer } from './middleware/redirect-to-server.ts';
import { redirectToTrailingSlash } from './middleware/redirect-to-trailing-slash.ts';
import { requireAuthorization } from './middleware/require-authorization.ts';
import { setHeaders } from './middleware/set-headers.ts';
import { signInApp } from './sign-in-app.ts';
import { signInPath, signInSetCookie } from '../scenarios/sign-in.ts';

/**
 * Builds the Hono app of one scenario variant from its catalog row: the middleware chain in order,
 * and one route for the request's method and path, registered after the chain unless the row sets
 * `routeFirst`. Requests for other methods, a preflight among them, fall through to a plain 404 unless
 * a middleware responds to them.
 */
export function createVariantApp(scenario: Scenario, variantName: VariantName, origins: OriginMap): Hono {
  const { server, request } = scenario.variants[variantName];
  // Mounted into a server that is not strict, so the route also matches its path with a trailing slash.
  const app = new Hono();
  const { status, body, raw, headers } = server.response;
  const routeHeaders = Object.entries(headers).map(([name, value]) => [name, fillOrigins(value, origins)] as const);
  const rawBody = raw?.encoding === 'base64' ? Buffer.from(raw.text, 'base64') : raw?.text;
  const registerRoute = () =>
    app.on(request.method, request.path, (c) => {
      for (const [name, value] of routeHeaders) c.header(name, value);
      if (raw !== undefined && rawBody !== undefined)
        return c.body(rawBody, status as ContentfulStatusCode, { 'Content-Type': raw.contentType });
      return c.json(body, status as ContentfulStatusCode);
    });

  // Registered first, so that the variant's own middleware never changes how the page signs in.
  if (request.signIn !== undefined) {
    app.route(signInPath, signInApp(signInSetCookie(scenario.id, variantName, request.signIn), origins.app));
  }

  if (server.routeFirst) registerRoute();
  for (const step of server.middleware) {
    app.use(createMiddleware(step, origins));
  }
  if (!server.routeFirst) registerRoute();
  return app;
}

function createMiddleware(step: Middleware, origins: OriginMap): MiddlewareHandler {
  switch (step.kind) {
    case 'cors':
      return corsFromSettings(step.settings, origins);
    case 'set-headers':
      return setHeaders(step.headers, origins);
    case 'require-authorization':
      return requireAuthorization();
    case 'redirect-to-trailing-slash':
      return redirectToTrailingSlash(step.status);
    case 'answer-options':
      return answerOptions(step.headers, origins);
    case 'cors-changing-per-preflight':
      return corsChangingPerPreflight(step.policies, origins);
    case 'echo-allowed-origin':
      return echoAllowedOrigin(step.allowed, step.varyOrigin, origins);
    case 'close-connection':
      return closeConnection();
    case 'redirect-to-server':
      return redirectToServer({
        target: origins[step.server],
        status: step.status,
        ...(step.userinfo !== undefined && { userinfo: step.userinfo }),
      });
    case 'cors-origin-check':
      return corsOriginCheck(step.exact, step.pattern, step.settings, origins);
    case 'csrf':
      return csrfFromOrigins(step.origin, origins);
    case 'websocket-origin-check':
      // The WebSocket server applies it to handshakes (see websocket-server.ts); HTTP requests pass.
      return async function websocketOnly(_c, next) {
        await next();
      };
    default:
      return assertNever(step);
  }
}
