import { request as httpRequest, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from './listen.ts';
import { silentLog } from './log.ts';
import { createProxyServer } from './proxy-server.ts';
import { RecordStore } from './record-store.ts';
import { createScenarioServer } from './scenario-server.ts';
import { testOrigins } from './test-servers.ts';

const dataPath = '/scenarios/missing-allow-origin/fixed/data';
const uploadPath = '/scenarios/preflight-redirect/fixed/orders/42';

interface Sent {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/**
 * Sends a request with node:http, which unlike fetch() can send TRACE and `Expect`. A request with
 * `Expect: 100-continue` sends its body only after the server's 100 Continue, as curl does.
 */
function send(port: number, method: string, path: string, headers: OutgoingHttpHeaders, body?: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
    if (body === undefined) {
      request.end();
    } else if (headers.Expect === '100-continue') {
      request.on('continue', () => request.end(body));
    } else {
      request.end(body);
    }
  });
}

// These run over real sockets because Node's fetch(), which the proxy forwards with, is what
// rejected hop-by-hop headers; an in-process upstream accepts them.
describe('proxy over the network', () => {
  const store = new RecordStore();
  const servers: Server[] = [];
  let proxyPort = 0;

  beforeAll(async () => {
    const options = { origins: testOrigins, store, log: silentLog };
    const api = await listen(createScenarioServer({ server: 'api', ...options }), 'api', '127.0.0.1', 0);
    servers.push(api);
    const upstream = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const proxy = await listen(createProxyServer({ upstream, ...options }), 'proxy', '127.0.0.1', 0);
    servers.push(proxy);
    proxyPort = (proxy.address() as AddressInfo).port;
  });

  afterAll(() => {
    for (const server of servers) server.close();
  });

  // Each row sends headers that describe the client's own connection; none may reach the API.
  // The API still receives `Connection: keep-alive`, which fetch() sets for its own connection.
  it.each([
    {
      name: 'expect-on-upload',
      method: 'PUT',
      path: uploadPath,
      headers: { Expect: '100-continue', 'Content-Type': 'text/plain' },
      body: 'status=shipped',
      dropped: ['expect'],
    },
    {
      name: 'connection-upgrade',
      method: 'GET',
      path: dataPath,
      headers: { Connection: 'Upgrade', Upgrade: 'h2c' },
      dropped: ['upgrade'],
    },
    {
      name: 'header-listed-in-connection',
      method: 'GET',
      path: dataPath,
      headers: { Connection: 'X-Hop, keep-alive', 'X-Hop': '1' },
      dropped: ['x-hop'],
    },
    {
      name: 'proxy-authorization',
      method: 'GET',
      path: dataPath,
      headers: { 'Proxy-Authorization': 'Basic dXNlcjpwYXNz', TE: 'trailers', Connection: 'TE' },
      dropped: ['proxy-authorization', 'te'],
    },
  ])('forwards without $name headers', async ({ name, method, path, headers, body, dropped }) => {
    const trace = `proxy-hop-${name}`;

    const response = await send(proxyPort, method, `${path}?trace=${trace}`, headers, body);

    expect(response.status, response.body).toBe(200);
    const atApi = store.get(trace).exchanges.find((exchange) => exchange.server === 'api');
    expect(atApi, 'the API recorded the forwarded request').toBeDefined();
    const forwardedNames = atApi!.requestHeaders.map(([headerName]) => headerName);
    for (const hopByHop of dropped) expect(forwardedNames).not.toContain(hopByHop);
    const connection = atApi!.requestHeaders.find(([headerName]) => headerName === 'connection');
    expect(connection?.[1] ?? 'keep-alive', 'Connection header at the API').toBe('keep-alive');
  });

  it('passes API redirects through', async () => {
    const path = '/scenarios/preflight-redirect/broken/orders/42';
    const preflight = { Origin: testOrigins.app, 'Access-Control-Request-Method': 'PUT' };

    const response = await send(proxyPort, 'OPTIONS', path, preflight);

    expect(response.status, response.body).toBe(308);
    expect(response.headers.location).toBe(`${path}/`);
  });

  it('rejects TRACE with 405', async () => {
    const response = await send(proxyPort, 'TRACE', dataPath, { Origin: testOrigins.app });

    expect(response.status).toBe(405);
    expect(response.headers.allow).toContain('GET');
    expect((JSON.parse(response.body) as { error: string }).error).toContain('Method TRACE is not supported');
  });
});

// In-process: the cache sits in the proxy, in front of whatever answers the forwarded request.
describe('proxy as a shared cache', () => {
  const partner = testOrigins.partner;
  const app = testOrigins.app;

  function createProxy() {
    const store = new RecordStore();
    const options = { origins: testOrigins, store, log: silentLog };
    const api = createScenarioServer({ server: 'api', ...options });
    const proxy = createProxyServer({
      upstream: testOrigins.api,
      ...options,
      fetchUpstream: async (request) => api.request(request),
    });
    return { proxy, store };
  }

  async function get(proxy: ReturnType<typeof createProxy>['proxy'], variant: string, origin: string) {
    return proxy.request(`/scenarios/vary-origin-shared-cache/${variant}/prices?trace=cache-test`, {
      headers: { Origin: origin },
    });
  }

  it('serves the first origin to the second without Vary', async () => {
    const { proxy, store } = createProxy();

    const first = await get(proxy, 'broken', partner);
    const second = await get(proxy, 'broken', app);

    expect(first.headers.get('X-Cache')).toBe('MISS');
    expect(second.headers.get('X-Cache')).toBe('HIT');
    expect(second.headers.get('Access-Control-Allow-Origin')).toBe(partner);
    expect(second.headers.get('Age')).toBe('0');
    expect(store.get('cache-test').exchanges.map(({ server }) => server)).toEqual(['proxy', 'api', 'proxy']);
  });

  it('keeps origins apart with Vary: Origin', async () => {
    const { proxy } = createProxy();

    await get(proxy, 'fixed', partner);
    const second = await get(proxy, 'fixed', app);
    const third = await get(proxy, 'fixed', partner);

    expect(second.headers.get('X-Cache')).toBe('MISS');
    expect(second.headers.get('Access-Control-Allow-Origin')).toBe(app);
    expect(third.headers.get('X-Cache')).toBe('HIT');
    expect(third.headers.get('Access-Control-Allow-Origin')).toBe(partner);
  });

  it('leaves other variants uncached', async () => {
    const { proxy } = createProxy();

    const response = await proxy.request('/scenarios/duplicate-allow-origin/broken/data?trace=cache-test', {
      headers: { Origin: app },
    });

    expect(response.headers.get('X-Cache')).toBeNull();
  });
});
