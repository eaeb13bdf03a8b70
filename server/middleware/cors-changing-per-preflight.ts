import type { MiddlewareHandler } from 'hono';
import type { OriginMap } from '../../scenarios/origins.ts';
import { traceParameter } from '../../scenarios/records.ts';
import type { CorsSettings } from '../../scenarios/types.ts';
import { corsFromSettings } from './cors-from-settings.ts';

/**
 * Attempts remembered per variant. An attempt takes one entry, so this is room for a large class. Beyond
 * it the oldest attempt is forgotten, and its next request gets the first policy again.
 */
export const maxRememberedTraces = 10_000;

/**
 * Runs Hono's `cors()` with settings that change with each preflight of an attempt. While a trace has had
 * n preflights, its requests get `policies[n]`, and the last policy stays in force after that. The policy in
 * force when a preflight arrives responds to it. A request without a trace id gets the first policy,
 * so the playground's other clients, such as the replay of a non-browser request, change nothing.
 */
export function corsChangingPerPreflight(
  policies: readonly CorsSettings[],
  origins: OriginMap,
  maxTraces: number = maxRememberedTraces,
): MiddlewareHandler {
  if (policies.length === 0) throw new Error('cors-changing-per-preflight needs at least one policy, got none.');
  const handlers = policies.map((settings) => corsFromSettings(settings, origins));
  // Preflights seen per trace. A Map iterates in insertion order, so re-inserting on use keeps the oldest first.
  const preflights = new Map<string, number>();

  return async function corsChangingPerPreflight(c, next) {
    const trace = new URL(c.req.url).searchParams.get(traceParameter);
    const seen = trace === null ? 0 : (preflights.get(trace) ?? 0);
    const handler = handlers[Math.min(seen, handlers.length - 1)]!;

    if (trace !== null && c.req.method === 'OPTIONS') {
      preflights.delete(trace);
      preflights.set(trace, seen + 1);
      if (preflights.size > maxTraces) preflights.delete(preflights.keys().next().value!);
    }
    return handler(c, next);
  };
}
