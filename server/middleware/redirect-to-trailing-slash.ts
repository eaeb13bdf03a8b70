import type { MiddlewareHandler } from 'hono';
import type { RedirectStatusCode } from 'hono/utils/http-status';

/**
 * Redirects every request whose path lacks a trailing slash to the same path with one, keeping the
 * query. Unlike Hono's `appendTrailingSlash()`, which redirects only GET and HEAD, it also redirects
 * OPTIONS, as URL-canonicalising middleware in many frameworks does.
 */
export function redirectToTrailingSlash(status: RedirectStatusCode): MiddlewareHandler {
  return async function redirectToTrailingSlash(c, next) {
    const url = new URL(c.req.url);
    if (!url.pathname.endsWith('/')) {
      return c.redirect(`${url.pathname}/${url.search}`, status);
    }
    await next();
  };
}
