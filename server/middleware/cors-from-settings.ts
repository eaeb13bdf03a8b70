import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { fillOrigins, type OriginMap } from '../../scenarios/origins.ts';
import type { CorsSettings } from '../../scenarios/types.ts';

/** Creates Hono's own `cors()` middleware from catalog settings, so learners see the real thing. */
export function corsFromSettings(settings: CorsSettings, origins: OriginMap): MiddlewareHandler {
  const origin =
    typeof settings.origin === 'string'
      ? fillOrigins(settings.origin, origins)
      : settings.origin.map((entry) => fillOrigins(entry, origins));
  return cors({
    origin,
    ...(settings.allowMethods && { allowMethods: [...settings.allowMethods] }),
    ...(settings.allowHeaders && { allowHeaders: [...settings.allowHeaders] }),
    ...(settings.exposeHeaders && { exposeHeaders: [...settings.exposeHeaders] }),
    ...(settings.credentials !== undefined && { credentials: settings.credentials }),
    ...(settings.maxAge !== undefined && { maxAge: settings.maxAge }),
  });
}
