import { Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { assertNever } from '../scenarios/chromium-messages.ts';
import type { OriginMap } from '../scenarios/origins.ts';
import type { Middleware, Scenario, VariantName } from '../scenarios/types.ts';
import { corsFromSettings } from './middleware/cors-from-settings.ts';
import { redirectToTrailingSlash } from './middleware/redirect-to-trailing-slash.ts';
import { requireAuthorization } from './middleware/require-authorization.ts';
import { setHeaders } from './middleware/set-headers.ts';

/**
 * Builds the Hono app of one scenario variant from its catalog row: the middleware chain in order,
 * then one route for the request's method and path. Requests for other methods, a preflight among
 * them, fall through to a plain 404 unless a middleware answers them.
 */
export function createVariantApp(scenario: Scenario, variantName: VariantName, origins: OriginMap): Hono {
  const { server } = scenario.variants[variantName];
  const app = new Hono();
  for (const step of server.middleware) {
    app.use(createMiddleware(step, origins));
  }

  const { status, body } = server.response;
  app.on(scenario.request.method, scenario.request.path, (c) => c.json(body, status as ContentfulStatusCode));
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
    default:
      return assertNever(step);
  }
}
