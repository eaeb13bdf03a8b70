import type { MiddlewareHandler } from 'hono';

/**
 * Rejects any request without an `Authorization` header, as typical token-checking middleware does.
 * It does not exempt OPTIONS, and a CORS preflight never carries `Authorization`.
 */
export function requireAuthorization(): MiddlewareHandler {
  return async function requireAuthorization(c, next) {
    if (c.req.header('Authorization') === undefined) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'Missing Authorization header' }, 401);
    }
    await next();
  };
}
