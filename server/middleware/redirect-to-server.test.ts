import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { redirectToServer } from './redirect-to-server.ts';

const partner = 'http://partner.localhost:8003';

function appWith(options: Parameters<typeof redirectToServer>[0]): Hono {
  const app = new Hono();
  app.use(redirectToServer(options));
  app.get('/data', (c) => c.json({ served: new URL(c.req.url).origin }));
  return app;
}

describe('redirectToServer', () => {
  it('redirects to the same path and query on the target', async () => {
    const response = await appWith({ target: partner, status: 307 }).request('http://localhost:8001/data?trace=abc');

    expect(response.status).toBe(307);
    expect(response.headers.get('Location')).toBe(`${partner}/data?trace=abc`);
  });

  it('lets requests on the target through', async () => {
    const response = await appWith({ target: partner, status: 307 }).request(`${partner}/data`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ served: partner });
  });

  it('puts userinfo into the location', async () => {
    const app = appWith({ target: partner, status: 302, userinfo: 'reports:s3cret' });
    const response = await app.request('http://localhost:8001/data');

    expect(response.headers.get('Location')).toBe('http://reports:s3cret@partner.localhost:8003/data');
  });
});
