import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Responds to a request the playground itself rejects (a malformed trace id, an unknown scenario).
 * These responses name the app origin in Access-Control-Allow-Origin, so the learner's page can
 * read the message, unlike the scenarios' deliberately broken responses.
 */
export function playgroundError(
  c: Context,
  status: ContentfulStatusCode,
  body: { readonly error: string; readonly appOrigin: string } & Record<string, unknown>,
): Response {
  const { appOrigin, ...json } = body;
  if (c.req.header('Origin') === appOrigin) {
    c.header('Access-Control-Allow-Origin', appOrigin);
  }
  c.header('Vary', 'Origin', { append: true });
  return c.json(json, status);
}

/** Quotes a value taken from the request, cut short so that a long path cannot flood the message. */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}
