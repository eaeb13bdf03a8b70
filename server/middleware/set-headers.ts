import type { MiddlewareHandler } from 'hono';
import { fillOrigins, type OriginMap } from '../../scenarios/origins.ts';

/** Sets headers by hand on every response, whatever the route or status, as `c.header()` would. */
export function setHeaders(headers: Readonly<Record<string, string>>, origins: OriginMap): MiddlewareHandler {
  const filled = Object.entries(headers).map(([name, value]) => [name, fillOrigins(value, origins)] as const);
  return async function setHeaders(c, next) {
    await next();
    for (const [name, value] of filled) c.header(name, value);
  };
}
