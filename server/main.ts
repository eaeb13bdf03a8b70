/**
 * Starts the playground's servers: the API, the reverse proxy in front of it, the partner API
 * on another site, and the attacker's site that serves pages only. They share one record store, so one
 * records endpoint returns the exchanges of every server.
 */
import type { Server } from 'node:http';
import { listenAddress, networkFromEnv, workshopWarnings, type Network } from '../scenarios/network.ts';
import { originSettings, originsFromPorts, portsFromEnv, type Ports } from '../scenarios/origins.ts';
import { loadCertificate } from './https-certificate.ts';
import { listen } from './listen.ts';
import { consoleLog as log } from './log.ts';
import { createProxyServer } from './proxy-server.ts';
import { RecordStore } from './record-store.ts';
import { createAttackerServer } from './attacker-server.ts';
import { createScenarioServer } from './scenario-server.ts';
import { attachWebSocketServer } from './websocket-server.ts';

async function main(): Promise<void> {
  const { ports, network } = readSettings();
  const origins = originsFromPorts(ports, network);

  const store = new RecordStore();
  const upstream = `http://${listenAddress(network, 'api')}:${ports.api}`;
  const tls = await loadCertificate();
  const apps = {
    api: createScenarioServer({ server: 'api', origins, store, log, certificate: tls.cert }),
    proxy: createProxyServer({ upstream, origins, store, log }),
    partner: createScenarioServer({ server: 'partner', origins, store, log }),
    attacker: createAttackerServer({ origins, log }),
    // The API again, over https, which records its exchanges as the api's.
    secure: createScenarioServer({ server: 'api', origins, store, log }),
  };

  const results = await Promise.allSettled(
    (Object.keys(apps) as (keyof typeof apps)[]).map((name) =>
      listen(apps[name], name, listenAddress(network, name), ports[name], name === 'secure' ? tls : undefined),
    ),
  );
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
  if (failures.length > 0) {
    for (const failure of failures) console.error(failure.replace(/^Error: /, ''));
    await closeAll(started);
    process.exit(1);
  }

  // Every result was fulfilled, so `started` is in the order of the apps' names.
  const apiServer = started[Object.keys(apps).indexOf('api')]!;
  attachWebSocketServer(apiServer, { server: 'api', origins, store, log });

  for (const name of Object.keys(apps) as (keyof typeof apps)[]) {
    const address = listenAddress(network, name);
    log(`${name.padEnd(7)} ${origins[name]}  (${originSettings[name].description}, listening on ${address})`);
  }
  log(`Servers ready. Open the app at ${origins.app}/`);

  const stop = (signal: string) => {
    log(`Received ${signal}, stopping the servers.`);
    void closeAll(started).then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

function readSettings(): { ports: Ports; network: Network } {
  try {
    const settings = { ports: portsFromEnv(process.env), network: networkFromEnv(process.env) };
    for (const warning of workshopWarnings(settings.network)) console.warn(warning);
    return settings;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

function closeAll(servers: readonly Server[]): Promise<void> {
  return Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(
    () => undefined,
  );
}

await main();
