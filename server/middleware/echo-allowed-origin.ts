import type { MiddlewareHandler } from 'hono';
import { fillOrigins, type OriginMap } from '../../scenarios/origins.ts';

/**
 * Echoes the request's Origin in Access-Control-Allow-Origin when `allowed` lists it, as hand-written CORS
 * code does. With `varyOrigin` it also adds `Vary: Origin` to every response, allowed origin or not,
 * because every one of them depends on the Origin header. A shared cache needs that to keep them apart.
 */
export function echoAllowedOrigin(
  allowed: readonly string[],
  varyOrigin: boolean,
  origins: OriginMap,
): MiddlewareHandler {
  const allowedOrigins = allowed.map((template) => fillOrigins(template, origins));
  return async function echoAllowedOrigin(c, next) {
    await next();
    const origin = c.req.header('Origin');
    if (origin !== undefined && allowedOrigins.includes(origin)) c.header('Access-Control-Allow-Origin', origin);
    if (varyOrigin) c.header('Vary', 'Origin', { append: true });
  };
}
