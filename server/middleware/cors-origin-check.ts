import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { originAllowed } from '../../scenarios/origin-pattern.ts';
import type { OriginMap } from '../../scenarios/origins.ts';
import type { CorsSettings, OriginPattern } from '../../scenarios/types.ts';

/**
 * Creates Hono's `cors()` with a hand-written origin function: it echoes the request's Origin when the
 * allowlist passes it, and sends no Access-Control-Allow-Origin otherwise.
 */
export function corsOriginCheck(
  exact: readonly string[],
  pattern: OriginPattern | undefined,
  settings: Omit<CorsSettings, 'origin'>,
  origins: OriginMap,
): MiddlewareHandler {
  return cors({
    origin: (origin) => (originAllowed(origin, exact, pattern, origins) ? origin : null),
    ...(settings.allowMethods && { allowMethods: [...settings.allowMethods] }),
    ...(settings.allowHeaders && { allowHeaders: [...settings.allowHeaders] }),
    ...(settings.exposeHeaders && { exposeHeaders: [...settings.exposeHeaders] }),
    ...(settings.credentials !== undefined && { credentials: settings.credentials }),
    ...(settings.maxAge !== undefined && { maxAge: settings.maxAge }),
  });
}
