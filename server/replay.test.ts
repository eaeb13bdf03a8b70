import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { replayPath, type ReplayResponse } from '../scenarios/records.ts';
import { scenarios, variantNames, type ServerName } from '../scenarios/index.ts';
import { tracePattern } from '../scenarios/records.ts';
import { silentLog } from './log.ts';
import { createProxyServer } from './proxy-server.ts';
import { RecordStore } from './record-store.ts';
import { createScenarioServer } from './scenario-server.ts';
import { testOrigins } from './test-servers.ts';

interface SentRequest {
  readonly target: ServerName;
  readonly url: string;
  readonly method: string;
  readonly body: string;
  readonly hostname: string;
}

/** Creates the three servers in-process, with the api's replay endpoint sending to them without a network. */
function createServers(targetDown?: ServerName) {
  const store = new RecordStore();
  const options = { origins: testOrigins, store, log: silentLog };
  const sent: SentRequest[] = [];
  const apps = {} as Record<ServerName, Hono>;
  const fetchReplayTarget = async (request: Request, target: ServerName, hostname: string): Promise<Response> => {
    sent.push({ target, url: request.url, method: request.method, body: await request.clone().text(), hostname });
    if (target === targetDown) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    return apps[target].request(request);
  };
  apps.api = createScenarioServer({ server: 'api', ...options, fetchReplayTarget });
  apps.partner = createScenarioServer({ server: 'partner', ...options });
  apps.proxy = createProxyServer({
    upstream: testOrigins.api,
    fetchUpstream: async (request) => apps.api.request(request),
    ...options,
  });
  return { store, apps, sent };
}

async function replay(
  servers: ReturnType<typeof createServers>,
  path: string,
  headers: Record<string, string> = { Origin: testOrigins.app },
): Promise<Response> {
  return servers.apps.api.request(`${testOrigins.api}${replayPath}/${path}`, { headers });
}

describe('replay endpoint', () => {
  it('returns what curl gets for a blocked GET', async () => {
    const servers = createServers();

    const response = await replay(servers, 'missing-allow-origin/broken');
    const result = (await response.json()) as ReplayResponse;

    expect(response.status).toBe(200);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ message: 'Hello from the API' });
    expect(result.headers.map(([name]) => name)).not.toContain('access-control-allow-origin');
  });

  it('sends no Origin header', async () => {
    const servers = createServers();

    const result = (await (await replay(servers, 'auth-before-cors/broken')).json()) as ReplayResponse;
    const [recorded, ...others] = servers.store.get(result.trace).exchanges;

    expect(others).toEqual([]);
    const names = recorded?.requestHeaders.map(([name]) => name);
    expect(names).not.toContain('origin');
    expect(recorded?.requestHeaders).toContainEqual(['authorization', 'Bearer demo-token']);
    expect(result.request.headers.map(([name]) => name)).not.toContain('origin');
  });

  it('sends the method the preflight would have blocked', async () => {
    const servers = createServers();

    const result = (await (await replay(servers, 'method-not-allowed/broken')).json()) as ReplayResponse;

    expect(result.request.method).toBe('PUT');
    expect(result.status).toBe(200);
    expect(servers.store.get(result.trace).exchanges.map((exchange) => exchange.method)).toEqual(['PUT']);
  });

  it('sends the catalog body', async () => {
    const servers = createServers();

    const result = (await (await replay(servers, 'preflight-redirect/fixed')).json()) as ReplayResponse;

    expect(servers.sent.map(({ method, body }) => ({ method, body }))).toEqual([
      { method: 'PUT', body: 'status=shipped' },
    ]);
    expect(result.request.body).toBe('status=shipped');
  });

  it('does not follow a redirect', async () => {
    const servers = createServers();

    const result = (await (await replay(servers, 'preflight-redirect/broken')).json()) as ReplayResponse;

    expect(result.status).toBe(308);
    expect(result.headers).toContainEqual(['location', expect.stringContaining('/orders/42/') as string]);
    expect(servers.sent).toHaveLength(1);
  });

  it('keeps the https scheme and names the .test host', async () => {
    const servers = createServers();

    // The fixed page is at https://app.test and calls https://api.test, which Chromium maps to loopback.
    await replay(servers, 'mixed-content/fixed');

    expect(servers.sent).toHaveLength(1);
    const { url, hostname } = servers.sent[0]!;
    expect(new URL(url).origin).toBe(`https://127.0.0.1:${new URL(testOrigins.secure).port}`);
    expect(hostname).toBe('api.test');
  });

  it('tags the request with a fresh trace', async () => {
    const servers = createServers();

    const first = (await (await replay(servers, 'missing-allow-origin/broken')).json()) as ReplayResponse;
    const second = (await (await replay(servers, 'missing-allow-origin/broken')).json()) as ReplayResponse;

    expect(first.trace).toMatch(tracePattern);
    expect(second.trace).not.toBe(first.trace);
    expect(first.request.url).toBe(
      `${testOrigins.api}/scenarios/missing-allow-origin/broken/data?trace=${first.trace}`,
    );
    expect(servers.store.get(first.trace).exchanges).toHaveLength(1);
  });

  it('takes the URL only from the catalog', async () => {
    const servers = createServers();
    const query = `?url=${encodeURIComponent('http://169.254.169.254/')}&target=partner&path=/admin`;

    await replay(servers, `wildcard-with-credentials/broken${query}`);
    await replay(servers, 'duplicate-allow-origin/fixed');

    const urls = servers.sent.map(({ target, url }) => `${target} ${url.replace(/trace=[\w-]+/, 'trace=…')}`);
    expect(urls).toEqual([
      'partner http://127.0.0.1:8003/scenarios/wildcard-with-credentials/broken/recommendations?trace=…',
      'proxy http://127.0.0.1:8002/scenarios/duplicate-allow-origin/fixed/data?trace=…',
    ]);
  });

  it('allows only the app origin', async () => {
    const servers = createServers();

    const fromApp = await replay(servers, 'missing-allow-origin/fixed');
    const fromElsewhere = await replay(servers, 'missing-allow-origin/fixed', { Origin: 'http://evil.localhost:5173' });

    expect(fromApp.headers.get('access-control-allow-origin')).toBe(testOrigins.app);
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('unknown scenario id lists the valid ids', async () => {
    const response = await replay(createServers(), 'no-such-scenario/broken');
    const body = (await response.json()) as { error: string; scenarios: string[] };

    expect(response.status).toBe(404);
    expect(body.error).toContain('"no-such-scenario"');
    expect(body.scenarios).toEqual(scenarios.map((scenario) => scenario.id));
    expect(response.headers.get('access-control-allow-origin')).toBe(testOrigins.app);
  });

  it.each(['missing-allow-origin/half-fixed', 'missing-allow-origin'])(
    'unknown variant in %s lists the valid variants',
    async (path) => {
      const response = await replay(createServers(), path);
      const body = (await response.json()) as { error: string; variants: string[] };

      expect(response.status).toBe(404);
      expect(body.error).toContain('Valid variants: broken, fixed');
      expect(body.variants).toEqual(variantNames);
    },
  );

  it('answers 502 naming the target when it is down', async () => {
    const response = await replay(createServers('partner'), 'wildcard-with-credentials/fixed');
    const body = (await response.json()) as { error: string };

    expect(response.status).toBe(502);
    expect(body.error).toContain('Is the partner server running?');
    expect(body.error).toContain('ECONNREFUSED');
  });

  it('is served only by the api server', async () => {
    const servers = createServers();

    const response = await servers.apps.partner.request(
      `${testOrigins.partner}${replayPath}/missing-allow-origin/broken`,
    );

    expect(response.status).toBe(404);
    expect(servers.sent).toEqual([]);
  });
});

// NOTE: the replay sends a WebSocket scenario's handshake as a plain GET, which the route answers with 200
// and the message as JSON, so it does not show the 101 or 403 that a WebSocket client gets.
describe.each(
  scenarios
    .filter(({ request }) => request.initiator !== 'websocket')
    .flatMap((scenario) => variantNames.map((variant) => [scenario.id, variant, scenario] as const)),
)('replay of %s, %s variant', (id, variant, scenario) => {
  // Without a preflight or a CORS check, the server responds to the actual request as it does for the browser.
  const { request } = scenario.variants[variant];
  const actual = scenario.variants[variant].expected.exchanges.find(
    (exchange) => exchange.server === request.target && exchange.method !== 'OPTIONS',
  );

  it('reaches the target without Origin', async () => {
    const servers = createServers();

    const response = await replay(servers, `${id}/${variant}`);
    const result = (await response.json()) as ReplayResponse;
    const recorded = servers.store.get(result.trace).exchanges;

    expect(response.status).toBe(200);
    expect(recorded[0]?.server).toBe(request.target);
    expect(recorded[0]?.method).toBe(request.method);
    for (const exchange of recorded) {
      expect(exchange.requestHeaders.map(([name]) => name)).not.toContain('origin');
    }
    if (actual !== undefined) expect(result.status).toBe(actual.status);
  });
});
