import { Hono } from 'hono';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from './listen.ts';

const opened: { close: () => unknown }[] = [];

afterEach(() => {
  for (const server of opened.splice(0)) server.close();
});

function occupyPort(): Promise<number> {
  const blocker: Server = createServer();
  opened.push(blocker);
  return new Promise((resolve) => {
    blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port));
  });
}

describe('listen', () => {
  it('names the port and variable when taken', async () => {
    const port = await occupyPort();
    await expect(listen(new Hono(), 'api', '127.0.0.1', port)).rejects.toThrow(
      `Port ${port} (the API, same-site with the app but on another origin) is already in use. ` +
        'Set CORS_PLAYGROUND_API_PORT to a free port.',
    );
  });

  it('serves the app on a free port', async () => {
    const app = new Hono().get('/', (c) => c.text('up'));
    const server = await listen(app, 'partner', '127.0.0.1', 0);
    opened.push(server);
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await response.text()).toBe('up');
  });
});
