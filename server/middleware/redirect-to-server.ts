import type { MiddlewareHandler } from 'hono';
import type { RedirectStatusCode } from 'hono/utils/http-status';

export interface RedirectToServerOptions {
  /** Origin of the server the requests move to, such as `http://partner.localhost:8003`. */
  readonly target: string;
  readonly status: RedirectStatusCode;
  /** `user:password` to put into the Location URL, as a URL with built-in credentials carries it. */
  readonly userinfo?: string;
}

/**
 * Redirects every request to the same path and query on the target origin. Every playground server
 * mounts the same variants, so the target runs this same chain, and there it lets the request through
 * to the route.
 */
export function redirectToServer({ target, status, userinfo }: RedirectToServerOptions): MiddlewareHandler {
  const targetUrl = new URL(target);
  if (userinfo !== undefined) {
    const separator = userinfo.indexOf(':');
    targetUrl.username = separator === -1 ? userinfo : userinfo.slice(0, separator);
    if (separator !== -1) targetUrl.password = userinfo.slice(separator + 1);
  }
  return async function redirectToServer(c, next) {
    const url = new URL(c.req.url);
    if (url.origin === targetUrl.origin) {
      await next();
      return;
    }
    const location = new URL(url.pathname + url.search, targetUrl);
    return c.redirect(location.href, status);
  };
}
