/**
 * Starts the playground's servers in-process on free loopback ports, for `cors-playground run`.
 * Each server listens first, on port 0, and gets its app once every port is known, because the apps
 * need the whole origin map (the lab writes origins into answers and Location headers).
 */
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenHost, originsFromPorts, type OriginMap, type OriginName } from '../../scenarios/origins.ts';
import { createAttackerServer } from '../../server/attacker-server.ts';
import type { Log } from '../../server/log.ts';
import { createProxyServer } from '../../server/proxy-server.ts';
import { RecordStore } from '../../server/record-store.ts';
import { createRunnerApp } from '../../server/runner.ts';
import { createScenarioServer } from '../../server/scenario-server.ts';

/** The origins whose servers `run` starts: every origin but `offline`, where nothing listens. */
const names = ['app', 'api', 'proxy', 'partner', 'attacker'] as const satisfies readonly OriginName[];

export interface LabServers {
  readonly origins: OriginMap;
  readonly store: RecordStore;
  close(): Promise<void>;
}

/** Path of the blank page on the app origin that hosts the runner iframes. */
export const hostPagePath = '/';

export async function startLabServers(log: Log): Promise<LabServers> {
  const apps = new Map<OriginName, Hono>();
  const servers = await Promise.all(
    names.map((name) =>
      listenOnFreePort((request, env) => {
        const app = apps.get(name);
        return app === undefined ? new Response('Starting', { status: 503 }) : app.fetch(request, env);
      }),
    ),
  );

  const ports = Object.fromEntries(
    names.map((name, index) => [name, (servers[index]!.address() as AddressInfo).port]),
  ) as Record<OriginName, number>;
  // Nothing may listen on the offline origin's port, so it gets a port that was free a moment ago.
  const probe = await listenOnFreePort(() => new Response(null, { status: 503 }));
  ports.offline = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const origins = originsFromPorts(ports);
  const store = new RecordStore();

  const options = { origins, store, log };
  apps.set('api', createScenarioServer({ server: 'api', ...options }));
  apps.set('partner', createScenarioServer({ server: 'partner', ...options }));
  apps.set('proxy', createProxyServer({ upstream: `http://${listenHost}:${ports.api}`, ...options }));
  apps.set('attacker', createAttackerServer(options));
  apps.set('app', createHostApp(origins));

  return {
    origins,
    store,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}

type FetchHandler = (request: Request, env: unknown) => Response | Promise<Response>;

function listenOnFreePort(fetch: FetchHandler): Promise<Server> {
  const server = createAdaptorServer({ fetch }) as Server;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, listenHost, () => resolve(server));
  });
}

/** The app origin's server: a blank page that frames the runner, and the runner itself. */
function createHostApp(origins: OriginMap): Hono {
  const app = new Hono();
  app.get(hostPagePath, (c) =>
    c.html(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cors-playground run</title></head><body></body></html>',
    ),
  );
  app.route('/', createRunnerApp(origins));
  return app;
}
