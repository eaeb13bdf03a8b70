import { Hono } from 'hono';
import { cors } from 'hono/cors';

/**
 * Answers a variant's sign-in route with a cookie, as a site's login would. `POST` serves the page's
 * `fetch()` with credentials, with CORS headers for the app; `GET` serves a top-level window, with a
 * page that closes itself.
 */
export function signInApp(setCookie: string, appOrigin: string): Hono {
  const app = new Hono();
  app.post('/', cors({ origin: appOrigin, credentials: true }), (c) => {
    c.header('Set-Cookie', setCookie);
    return c.body(null, 204);
  });
  app.get('/', (c) => {
    c.header('Set-Cookie', setCookie);
    return c.html(
      '<!doctype html><title>Signed in</title><p>Signed in. This window closes itself.</p>' +
        '<script>window.close()</script>',
    );
  });
  return app;
}
