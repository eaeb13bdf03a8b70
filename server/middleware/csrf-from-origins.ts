import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { fillOrigins, type OriginMap } from '../../scenarios/origins.ts';

/**
 * Creates Hono's own `csrf()` middleware, which allows the listed origins only. It rejects a request by
 * throwing an HTTPException with a 403 response; a plain Hono app answers with that response, while the
 * playground's servers turn any error they catch into a 500, so the exception is answered here.
 */
export function csrfFromOrigins(allowed: readonly string[], origins: OriginMap): MiddlewareHandler {
  const check = csrf({ origin: allowed.map((template) => fillOrigins(template, origins)) });
  return async function csrfFromOrigins(c, next) {
    try {
      return await check(c, next);
    } catch (error) {
      if (error instanceof HTTPException) return error.getResponse();
      throw error;
    }
  };
}
