import type { MiddlewareHandler } from 'hono';
import { fillOrigins, type OriginMap } from '../../scenarios/origins.ts';

/**
 * Responds to every OPTIONS request with 204 and the given headers, and lets other requests through
 * untouched, as a hand-written preflight handler does. The other responses get no CORS headers.
 */
export function answerOptions(headers: Readonly<Record<string, string>>, origins: OriginMap): MiddlewareHandler {
  const filled = Object.entries(headers).map(([name, value]) => [name, fillOrigins(value, origins)] as const);
  return async function answerOptions(c, next) {
    if (c.req.method !== 'OPTIONS') {
      await next();
      return;
    }
    for (const [name, value] of filled) c.header(name, value);
    return c.body(null, 204);
  };
}
