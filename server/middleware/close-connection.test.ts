import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionClosedStatus } from '../../scenarios/closed-connection.ts';
import { closeConnection } from './close-connection.ts';

const opened: ServerType[] = [];

afterEach(() => {
  for (const server of opened.splice(0)) server.close();
});

/** Serves an app that closes every connection, and records the status each request ends with on the server. */
function startServer(): Promise<{ port: number; recorded: number[] }> {
  const recorded: number[] = [];
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    recorded.push(c.res.status);
  });
  app.use(closeConnection());
  app.get('/data', (c) => c.json({ served: true }));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
      resolve({ port: info.port, recorded }),
    );
    opened.push(server);
  });
}

/** Sends a GET with Node's http client, and resolves with the error code the socket ended with. */
function getErrorCode(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: '/data' }, (response) =>
      reject(new Error(`expected no response, got ${response.statusCode}`)),
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    outgoing.end();
  });
}

describe('closeConnection', () => {
  it('sends no response at all', async () => {
    const { port } = await startServer();

    expect(await getErrorCode(port)).toBe('ECONNRESET');
  });

  it('records the closed-connection status', async () => {
    const { port, recorded } = await startServer();
    await getErrorCode(port);

    expect(recorded).toEqual([connectionClosedStatus]);
  });

  it('skips the route after it', async () => {
    const app = new Hono();
    app.use(closeConnection());
    app.get('/data', (c) => c.json({ served: true }));

    const response = await app.request('/data');

    expect(response.status).toBe(connectionClosedStatus);
    expect(await response.text()).toBe('');
  });
});
