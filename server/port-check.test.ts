import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPortFree } from './port-check.ts';

const opened: Server[] = [];

afterEach(() => {
  for (const server of opened.splice(0)) server.close();
});

function listenOnFreePort(): Promise<number> {
  const server = createServer();
  opened.push(server);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

describe('assertPortFree', () => {
  it('names the port and variable when taken', async () => {
    const port = await listenOnFreePort();
    await expect(assertPortFree('proxy', '127.0.0.1', port)).rejects.toThrow(
      `Port ${port} (a reverse proxy in front of the API) is already in use. Set CORS_PLAYGROUND_PROXY_PORT to a free port.`,
    );
  });

  it('passes for a free port', async () => {
    const port = await listenOnFreePort();
    opened.pop()?.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(assertPortFree('api', '127.0.0.1', port)).resolves.toBeUndefined();
  });
});
