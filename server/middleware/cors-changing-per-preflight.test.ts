import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { testOrigins } from '../test-servers.ts';
import { corsChangingPerPreflight } from './cors-changing-per-preflight.ts';

const granted = { origin: ['{app}'], allowMethods: ['GET', 'DELETE'], maxAge: 7200 };
const revoked = { origin: ['{app}'], allowMethods: ['GET'], maxAge: 60 };

function createApp(maxTraces?: number): Hono {
  const app = new Hono();
  app.use(corsChangingPerPreflight([granted, revoked, granted], testOrigins, maxTraces));
  app.delete('/documents/42', (c) => c.json({ deleted: true }));
  return app;
}

async function allowedMethods(app: Hono, trace?: string): Promise<string | null> {
  const query = trace === undefined ? '' : `?trace=${trace}`;
  const response = await app.request(`/documents/42${query}`, {
    method: 'OPTIONS',
    headers: { Origin: testOrigins.app, 'Access-Control-Request-Method': 'DELETE' },
  });
  expect(response.status).toBe(204);
  return response.headers.get('Access-Control-Allow-Methods');
}

describe('corsChangingPerPreflight', () => {
  it('answers each preflight with the next policy', async () => {
    const app = createApp();

    expect(await allowedMethods(app, 'trace-one')).toBe('GET,DELETE');
    expect(await allowedMethods(app, 'trace-one')).toBe('GET');
    expect(await allowedMethods(app, 'trace-one')).toBe('GET,DELETE');
    expect(await allowedMethods(app, 'trace-one')).toBe('GET,DELETE');
  });

  it('keeps the state of each trace apart', async () => {
    const app = createApp();
    await allowedMethods(app, 'trace-one');

    expect(await allowedMethods(app, 'trace-two')).toBe('GET,DELETE');
    expect(await allowedMethods(app, 'trace-one')).toBe('GET');
  });

  it('sends the max-age of the policy in force', async () => {
    const app = createApp();
    await allowedMethods(app, 'trace-one');

    const response = await app.request('/documents/42?trace=trace-one', {
      method: 'OPTIONS',
      headers: { Origin: testOrigins.app, 'Access-Control-Request-Method': 'DELETE' },
    });

    expect(response.headers.get('Access-Control-Max-Age')).toBe('60');
  });

  it('lets the actual request run under any policy', async () => {
    const app = createApp();
    await allowedMethods(app, 'trace-one');

    const response = await app.request('/documents/42?trace=trace-one', {
      method: 'DELETE',
      headers: { Origin: testOrigins.app },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(testOrigins.app);
  });

  it('gives the first policy without a trace', async () => {
    const app = createApp();
    await allowedMethods(app);

    expect(await allowedMethods(app)).toBe('GET,DELETE');
  });

  it('forgets the oldest trace past the limit', async () => {
    const app = createApp(2);
    await allowedMethods(app, 'trace-one');
    await allowedMethods(app, 'trace-two');
    await allowedMethods(app, 'trace-three');

    expect(await allowedMethods(app, 'trace-one')).toBe('GET,DELETE');
    expect(await allowedMethods(app, 'trace-three')).toBe('GET');
  });

  it('rejects an empty policy list', () => {
    expect(() => corsChangingPerPreflight([], testOrigins)).toThrow('needs at least one policy');
  });
});
