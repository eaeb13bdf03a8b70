import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { originsFromPorts, portsFromEnv } from '../scenarios/origins.ts';
import { silentLog } from './log.ts';
import { RecordStore } from './record-store.ts';
import { attachWebSocketServer } from './websocket-server.ts';

const origins = originsFromPorts(portsFromEnv({}));
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Starts an HTTP server with the WebSocket server attached, on a free loopback port. */
async function startServer(): Promise<{ port: number; store: RecordStore }> {
  const store = new RecordStore();
  const server = createServer((_request, response) => response.end());
  attachWebSocketServer(server, { server: 'api', origins, store, log: silentLog });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, store };
}

/** Opens a WebSocket with an Origin header, and returns its first message or how the handshake failed. */
function firstMessage(url: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { origin });
    socket.on('message', (data: Buffer) => resolve(`message ${data.toString()}`));
    socket.on('unexpected-response', (_request, response) => {
      resolve(`refused ${response.statusCode}`);
      socket.terminate();
    });
    socket.on('error', (error) => resolve(`error ${error.message}`));
  });
}

describe('attachWebSocketServer', () => {
  it('accepts any origin without a check', async () => {
    const { port, store } = await startServer();

    const result = await firstMessage(
      `ws://127.0.0.1:${port}/scenarios/websocket-origin-unchecked/broken/chat?trace=ws-broken-1`,
      origins.attacker,
    );

    expect(result).toMatch(/^message \{"room":"support"/);
    expect(store.get('ws-broken-1').exchanges.map(({ method, status }) => ({ method, status }))).toEqual([
      { method: 'GET', status: 101 },
    ]);
  });

  it('refuses an origin not on the list', async () => {
    const { port, store } = await startServer();

    const result = await firstMessage(
      `ws://127.0.0.1:${port}/scenarios/websocket-origin-unchecked/fixed/chat?trace=ws-fixed-1`,
      origins.attacker,
    );

    expect(result).toBe('refused 403');
    const [exchange] = store.get('ws-fixed-1').exchanges;
    expect(exchange?.status).toBe(403);
    expect(exchange?.requestHeaders).toContainEqual(['origin', origins.attacker]);
  });

  it('accepts the app on the list', async () => {
    const { port } = await startServer();

    const result = await firstMessage(
      `ws://127.0.0.1:${port}/scenarios/websocket-origin-unchecked/fixed/chat`,
      origins.app,
    );

    expect(result).toMatch(/^message /);
  });

  it('refuses a path of no scenario', async () => {
    const { port } = await startServer();

    expect(await firstMessage(`ws://127.0.0.1:${port}/scenarios/missing-allow-origin/broken/data`, origins.app)).toBe(
      'refused 404',
    );
  });
});
