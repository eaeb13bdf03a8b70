import { Hono } from 'hono';
import { logger } from 'hono/logger';
import type { OriginMap } from '../scenarios/origins.ts';
import type { Log } from './log.ts';
import { createRunnerApp } from './runner.ts';

export interface AttackerServerOptions {
  readonly origins: OriginMap;
  readonly log: Log;
}

/**
 * The attacker's site. It serves the runner page only, under any `*.localhost` name that reaches it,
 * so that a security scenario can send its request from an origin that the victim's API should
 * refuse, and show what that page could read.
 */
export function createAttackerServer({ origins, log }: AttackerServerOptions): Hono {
  const app = new Hono();
  app.use(logger((line, ...rest) => log([`[attacker]`, line, ...rest].join(' '))));
  app.route('/', createRunnerApp(origins));
  app.notFound((c) =>
    c.text(
      `Not found. The attacker's site serves only the page at ${new URL(c.req.url).origin}/__playground/runner.`,
      404,
    ),
  );
  return app;
}
