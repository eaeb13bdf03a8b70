import type { Hono } from 'hono';
import { originsFromPorts, portsFromEnv, type ServerName } from '../scenarios/origins.ts';
import { silentLog } from './log.ts';
import { createProxyServer } from './proxy-server.ts';
import { RecordStore, type RecordStoreLimits } from './record-store.ts';
import { createScenarioServer } from './scenario-server.ts';
import { createAttackerServer } from './attacker-server.ts';

export const testOrigins = originsFromPorts(portsFromEnv({}));

/** Creates the servers in-process, with the proxy forwarding to the API app without a network. */
export function createTestServers(limits?: RecordStoreLimits): {
  store: RecordStore;
  apps: Record<ServerName, Hono>;
  attacker: Hono;
} {
  const store = new RecordStore(limits);
  const options = { origins: testOrigins, store, log: silentLog };
  const api = createScenarioServer({ server: 'api', ...options });
  const partner = createScenarioServer({ server: 'partner', ...options });
  const proxy = createProxyServer({
    upstream: testOrigins.api,
    fetchUpstream: async (request) => api.request(request),
    ...options,
  });
  return { store, apps: { api, proxy, partner }, attacker: createAttackerServer(options) };
}
