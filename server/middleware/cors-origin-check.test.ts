import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { originsFromPorts, portsFromEnv } from '../../scenarios/origins.ts';
import { corsOriginCheck } from './cors-origin-check.ts';

const origins = originsFromPorts(portsFromEnv({}));

function appWith(...args: Parameters<typeof corsOriginCheck>): Hono {
  const app = new Hono();
  app.use(corsOriginCheck(...args));
  app.get('/data', (c) => c.json({ ok: true }));
  return app;
}

describe('corsOriginCheck', () => {
  it('echoes an origin the pattern passes', async () => {
    const app = appWith(['{app}'], { kind: 'ends-with', text: '{partner.host}' }, { credentials: true }, origins);

    const response = await app.request('/data', { headers: { Origin: 'http://evilpartner.localhost:8003' } });

    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('http://evilpartner.localhost:8003');
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBe('true');
  });

  it('echoes an exact origin', async () => {
    const app = appWith(['{app}'], undefined, {}, origins);

    const response = await app.request('/data', { headers: { Origin: origins.app } });

    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origins.app);
  });

  it('sends no allow-origin for others', async () => {
    const app = appWith(['{app}'], { kind: 'starts-with', text: 'https://' }, {}, origins);

    const response = await app.request('/data', { headers: { Origin: origins.attacker } });

    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(response.headers.get('Vary')).toBe('Origin');
  });
});
