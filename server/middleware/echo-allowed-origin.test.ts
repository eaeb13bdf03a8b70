import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { testOrigins } from '../test-servers.ts';
import { echoAllowedOrigin } from './echo-allowed-origin.ts';

function createApp(varyOrigin: boolean): Hono {
  const app = new Hono();
  app.use(echoAllowedOrigin(['{app}', '{partner}'], varyOrigin, testOrigins));
  app.get('/prices', (c) => c.json({ price: 10 }));
  return app;
}

async function get(app: Hono, origin?: string): Promise<Response> {
  return app.request('/prices', { headers: origin === undefined ? {} : { Origin: origin } });
}

describe('echoAllowedOrigin', () => {
  it('echoes each allowed origin', async () => {
    const app = createApp(false);

    const fromApp = await get(app, testOrigins.app);
    const fromPartner = await get(app, testOrigins.partner);

    expect(fromApp.headers.get('Access-Control-Allow-Origin')).toBe(testOrigins.app);
    expect(fromPartner.headers.get('Access-Control-Allow-Origin')).toBe(testOrigins.partner);
  });

  it('sends nothing to another origin', async () => {
    const response = await get(createApp(false), 'http://attacker.example');

    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('sends no Vary unless asked', async () => {
    const response = await get(createApp(false), testOrigins.app);

    expect(response.headers.get('Vary')).toBeNull();
  });

  it('varies every response on Origin', async () => {
    const app = createApp(true);

    const allowed = await get(app, testOrigins.app);
    const withoutOrigin = await get(app);

    expect(allowed.headers.get('Vary')).toBe('Origin');
    expect(withoutOrigin.headers.get('Vary')).toBe('Origin');
  });
});
