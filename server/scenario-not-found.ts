import type { Context } from 'hono';
import { scenarios, variantNames } from '../scenarios/index.ts';
import type { Log } from './log.ts';
import { playgroundError, quote } from './playground-error.ts';

const scenarioPath = /^\/scenarios\/([^/]*)(?:\/([^/]*))?/;

/**
 * Responds to a request that matched no route. Inside a known scenario variant that is the scenario
 * server's own plain 404, as any Hono app sends it. Elsewhere it lists the ids and variants that exist.
 */
export function scenarioNotFound(c: Context, appOrigin: string, log: Log): Response {
  const match = scenarioPath.exec(c.req.path);
  const id = match?.[1];
  const variant = match?.[2];
  const ids = scenarios.map((scenario) => scenario.id);
  // The decoded path can contain line breaks and terminal escape sequences, so logs show it
  // percent-encoded, as Hono's logger does.
  const loggedPath = new URL(c.req.url).pathname;

  if (id === undefined) {
    log(`404 ${c.req.method} ${loggedPath}: not a scenario path`);
    return playgroundError(c, 404, {
      error: `Not found: ${quote(c.req.path)}. Scenario requests go to /scenarios/<id>/<variant>/…`,
      scenarios: ids,
      variants: variantNames,
      appOrigin,
    });
  }
  if (!ids.includes(id)) {
    log(`404 ${c.req.method} ${loggedPath}: unknown scenario id`);
    return playgroundError(c, 404, {
      error: `Unknown scenario id ${quote(id)}. Valid ids: ${ids.join(', ')}.`,
      scenarios: ids,
      appOrigin,
    });
  }
  if (variant === undefined || !(variantNames as readonly string[]).includes(variant)) {
    log(`404 ${c.req.method} ${loggedPath}: unknown variant`);
    return playgroundError(c, 404, {
      error: `Unknown variant ${quote(variant ?? '')} of scenario '${id}'. Valid variants: ${variantNames.join(', ')}.`,
      variants: variantNames,
      appOrigin,
    });
  }
  return c.text('404 Not Found', 404);
}
