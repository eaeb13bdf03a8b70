import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { logger } from 'hono/logger';
import { scenarios, variantNames, type OriginMap, type ServerName } from '../scenarios/index.ts';
import { playgroundPathPrefix, recordsPath, tracePattern } from '../scenarios/records.ts';
import type { Log } from './log.ts';
import { playgroundError, quote } from './playground-error.ts';
import { recordExchanges } from './record-exchanges.ts';
import type { RecordStore } from './record-store.ts';
import { createReplayApp, replayPath, type ReplayOptions } from './replay.ts';
import { createLabApp, labPath } from './lab/lab-app.ts';
import { createRunnerApp } from './runner.ts';
import { scenarioNotFound } from './scenario-not-found.ts';
import { createVariantApp } from './variant-app.ts';

export interface ScenarioServerOptions {
  readonly server: Exclude<ServerName, 'proxy'>;
  readonly origins: OriginMap;
  readonly store: RecordStore;
  readonly log: Log;
  /** Sends the replay endpoint's requests, which only the `api` server serves. Default: `fetch`. */
  readonly fetchReplayTarget?: ReplayOptions['fetchTarget'];
  /** The playground's certificate (PEM), for replays to the https origin. */
  readonly certificate?: string;
}

/**
 * Creates a server that mounts every scenario variant at `/scenarios/<id>/<variant>`. Variants are
 * separate URLs, never server state, so learners who share a server never affect each other.
 */
export function createScenarioServer({
  server,
  origins,
  store,
  log,
  fetchReplayTarget,
  certificate,
}: ScenarioServerOptions): Hono {
  // Not strict, so a variant's route also matches its path with a trailing slash, where redirects lead.
  const app = new Hono({ strict: false });
  app.use(logger((line, ...rest) => log([`[${server}]`, line, ...rest].join(' '))));
  app.use(recordExchanges(store, server, origins.app));

  // Chromium sends a request again, once, when the connection it reused closes before any response, as in
  // connection-dropped. The playground's own endpoints close their connections, so a scenario's request
  // never reuses one of them, and its server records it once.
  app.use(`${playgroundPathPrefix}/*`, async (c, next) => {
    await next();
    c.header('Connection', 'close');
  });

  // The records endpoint is the playground's own API, so it sends correct CORS headers for the app.
  app.get(`${recordsPath}/:trace`, cors({ origin: origins.app }), (c) => {
    const trace = c.req.param('trace');
    if (!tracePattern.test(trace)) {
      log(`[${server}] 400 invalid trace id in records request`);
      return playgroundError(c, 400, {
        error: `Invalid trace id ${quote(trace)}: expected 8 to 64 characters from A-Z, a-z, 0-9, '-' and '_'.`,
        appOrigin: origins.app,
      });
    }
    const { exchanges, dropped } = store.get(trace);
    return c.json({ trace, exchanges, dropped });
  });

  app.route('/', createRunnerApp(origins));

  // The lab answers as the URL composes, on every server, so a case can target any of them.
  app.route(labPath, createLabApp({ origins, log, server }));

  if (server === 'api') {
    app.route(replayPath, createReplayApp({ origins, log, certificate, fetchTarget: fetchReplayTarget }));
  }

  for (const scenario of scenarios) {
    for (const variant of variantNames) {
      app.route(`/scenarios/${scenario.id}/${variant}`, createVariantApp(scenario, variant, origins));
    }
  }

  app.notFound((c) => scenarioNotFound(c, origins.app, (line) => log(`[${server}] ${line}`)));
  app.onError((error, c) => {
    log(`[${server}] 500 ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? String(error)}`);
    return playgroundError(c, 500, { error: `Internal error: ${error.message}`, appOrigin: origins.app });
  });
  return app;
}
