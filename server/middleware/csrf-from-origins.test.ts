import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { originsFromPorts, portsFromEnv } from '../../scenarios/origins.ts';
import { csrfFromOrigins } from './csrf-from-origins.ts';

const origins = originsFromPorts(portsFromEnv({}));
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

function appWithTransfers(): { app: Hono; transfers: string[] } {
  const transfers: string[] = [];
  const app = new Hono();
  // The playground's servers turn errors into 500s, so the middleware must answer the 403 itself.
  app.onError(() => new Response('unexpected error', { status: 500 }));
  app.use(csrfFromOrigins(['{app}'], origins));
  app.post('/transfer', async (c) => {
    transfers.push(await c.req.text());
    return c.json({ ok: true });
  });
  return { app, transfers };
}

describe('csrfFromOrigins', () => {
  it('rejects a form post from another origin', async () => {
    const { app, transfers } = appWithTransfers();

    const response = await app.request('/transfer', {
      method: 'POST',
      headers: { ...form, Origin: 'http://localhost:8004', 'Sec-Fetch-Site': 'same-site' },
      body: 'to=mallory',
    });

    expect(response.status).toBe(403);
    expect(transfers).toEqual([]);
  });

  it('lets the app post', async () => {
    const { app, transfers } = appWithTransfers();

    const response = await app.request('/transfer', {
      method: 'POST',
      headers: { ...form, Origin: origins.app, 'Sec-Fetch-Site': 'same-site' },
      body: 'to=bob',
    });

    expect(response.status).toBe(200);
    expect(transfers).toEqual(['to=bob']);
  });

  it('lets a JSON post through', async () => {
    // A JSON body needs a preflight, so CORS already keeps other origins from sending it.
    const { app } = appWithTransfers();

    const response = await app.request('/transfer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origins.attacker },
      body: '{}',
    });

    expect(response.status).toBe(200);
  });
});
