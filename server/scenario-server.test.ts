import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import {
  corsUnsafeRequestHeaderNames,
  fillOrigins,
  requestPageOrigin,
  scenarios,
  serverNames,
  variantNames,
  type ExchangeRole,
  type ExpectedExchange,
  type Scenario,
  type ServerName,
  type VariantName,
} from '../scenarios/index.ts';
import { recordsPath } from '../scenarios/records.ts';
import { runnerScriptPath } from '../scenarios/runner-protocol.ts';
import { silentLog } from './log.ts';
import { createProxyServer } from './proxy-server.ts';
import { createScenarioServer } from './scenario-server.ts';
import { RecordStore } from './record-store.ts';
import { createTestServers, testOrigins } from './test-servers.ts';

const trace = 'unit-test-trace';

type TestServers = ReturnType<typeof createTestServers>;

/**
 * Sends in-process what Chromium sends for the scenario's request: the preflight, with the
 * method and the CORS-unsafe header names it requests, or the actual request.
 */
function sendAsBrowser(
  { apps }: TestServers,
  scenario: Scenario,
  variant: VariantName,
  role: ExchangeRole,
  traceId?: string,
): Promise<Response> {
  const { request } = scenario;
  const query = traceId === undefined ? '' : `?trace=${traceId}`;
  const url = `${testOrigins[request.target]}/scenarios/${scenario.id}/${variant}${request.path}${query}`;
  // The variant's expected exchange of this role names an absent or `null` Origin.
  const expectedOrigin = scenario.variants[variant].expected.exchanges.find(
    (exchange) => (exchange.method === 'OPTIONS') === (role === 'preflight'),
  )?.origin;
  const origin = expectedOrigin ?? requestPageOrigin(scenario.variants[variant].request, testOrigins);
  return Promise.resolve(apps[request.target].request(url, browserInit(scenario, role, request.method, origin)));
}

/**
 * The preflight or the actual request as Chromium sends it, with `method` for the actual request. An
 * `origin` of `absent` leaves the Origin header out, as for a GET in no-cors mode.
 */
function browserInit(scenario: Scenario, role: ExchangeRole, method: string, origin = testOrigins.app): RequestInit {
  const { request } = scenario;
  const unsafeNames = corsUnsafeRequestHeaderNames(request.headers);
  if (role === 'preflight') {
    return {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': request.method,
        ...(unsafeNames.length > 0 && { 'Access-Control-Request-Headers': unsafeNames.join(',') }),
      },
    };
  }
  // A redirect that turns the request into a GET drops its body.
  const keepsBody = request.body !== undefined && method === request.method;
  const originHeader: Record<string, string> = origin === 'absent' ? {} : { Origin: origin };
  return { method, headers: { ...originHeader, ...request.headers }, ...(keepsBody && { body: request.body }) };
}

/**
 * Sends in-process the requests the catalog expects the browser to send, in order, following each
 * redirect to the server its Location names. Exchanges on a server the browser is not talking to are
 * the proxy's upstream requests, which the proxy sends itself.
 */
async function sendExchanges(
  servers: TestServers,
  scenario: Scenario,
  variant: VariantName,
  exchanges: readonly ExpectedExchange[],
  pageOrigin: string,
): Promise<void> {
  const { request } = scenario.variants[variant];
  let url = new URL(`${testOrigins[request.target]}/scenarios/${scenario.id}/${variant}${request.path}?trace=${trace}`);
  let server: ServerName = request.target;
  for (const exchange of exchanges) {
    if (exchange.server !== server) continue;
    const role: ExchangeRole = exchange.method === 'OPTIONS' ? 'preflight' : 'actual';
    const init = browserInit(scenario, role, exchange.method, exchange.origin ?? pageOrigin);
    const response = await servers.apps[server].request(url.href, init);
    const location = response.headers.get('Location');
    if (role === 'actual' && location !== null) {
      url = new URL(location, url);
      url.username = '';
      url.password = '';
      const next = serverNames.find((name) => testOrigins[name] === url.origin);
      expect(next, `a server at ${url.origin}`).toBeDefined();
      server = next!;
    }
  }
}

/** Sends the variant's earlier sends, such as a warm-up that fills a shared cache, from their own pages. */
async function sendEarlier(servers: TestServers, scenario: Scenario, variant: VariantName): Promise<void> {
  const { request, expected } = scenario.variants[variant];
  for (const send of expected.earlierSends ?? []) {
    const page = send.page ?? request.page;
    const origin = requestPageOrigin({ ...request, ...(page !== undefined && { page }) }, testOrigins);
    await sendExchanges(servers, scenario, variant, send.exchanges, origin);
  }
}

/**
 * Sends the variant's earlier sends, then its last send.
 * Returns how many exchanges the earlier sends recorded, so a test can look at the last send alone.
 */
async function sendAsExpected(servers: TestServers, scenario: Scenario, variant: VariantName): Promise<number> {
  const { request, expected } = scenario.variants[variant];
  await sendEarlier(servers, scenario, variant);
  const before = servers.store.get(trace).exchanges.length;
  await sendExchanges(servers, scenario, variant, expected.exchanges, requestPageOrigin(request, testOrigins));
  return before;
}

// A WebSocket handshake never reaches the Hono app: websocket-server.test.ts covers those scenarios.
const httpScenarios = scenarios.filter(({ request }) => request.initiator !== 'websocket');

describe.each(
  httpScenarios.flatMap((scenario) => variantNames.map((variant) => [scenario.id, variant, scenario] as const)),
)('scenario %s, %s variant', (_id, variant, scenario) => {
  const expected = scenario.variants[variant].expected.exchanges;

  it('records the expected exchanges', async () => {
    const servers = createTestServers();
    const before = await sendAsExpected(servers, scenario, variant);

    const seen = servers.store
      .get(trace)
      .exchanges.slice(before)
      .map(({ server, method, status }) => ({ server, method, status }));
    expect(seen).toEqual(expected.map(({ server, method, status }) => ({ server, method, status })));
  });
});

describe.each(
  httpScenarios.flatMap((scenario) => scenario.fix.diff.map((line) => [scenario.id, line, scenario] as const)),
)('header diff of %s', (_id, line, scenario) => {
  it(`${line.exchange} ${line.header} matches both variants`, async () => {
    for (const variant of variantNames) {
      const servers = createTestServers();
      // A cache keys its entries by the full URL, so the last send carries the earlier sends' trace.
      const earlier = scenario.variants[variant].expected.earlierSends ?? [];
      await sendEarlier(servers, scenario, variant);
      const response = await sendAsBrowser(
        servers,
        scenario,
        variant,
        line.exchange,
        earlier.length > 0 ? trace : undefined,
      );
      const template = line[variant];
      const actual = line.header === ':status' ? String(response.status) : response.headers.get(line.header);
      expect(actual, `${variant} ${line.header}`).toBe(
        template === undefined ? null : fillOrigins(template, testOrigins),
      );
    }
  });
});

describe('route with a raw body', () => {
  it('sends the text and content type', async () => {
    const { apps } = createTestServers();
    const response = await apps.api.request(
      `/scenarios/event-source-missing-allow-origin/fixed/prices?trace=${trace}`,
      { headers: { Origin: testOrigins.app, Accept: 'text/event-stream' } },
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/event-stream');
    expect(await response.text()).toBe('data: Hello from the API\n\n');
  });
});

describe('bad input', () => {
  const { apps } = createTestServers();
  const api = apps.api;
  const fromApp = { headers: { Origin: testOrigins.app } };

  it('unknown scenario id lists the valid ids', async () => {
    const response = await api.request('/scenarios/no-such-scenario/broken/data', fromApp);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: string; scenarios: string[] };
    expect(body.error).toContain('Unknown scenario id "no-such-scenario"');
    expect(body.scenarios).toEqual(scenarios.map((scenario) => scenario.id));
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(testOrigins.app);
  });

  it('unknown variant lists the valid variants', async () => {
    const response = await api.request('/scenarios/missing-allow-origin/half-fixed/data', fromApp);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: string; variants: string[] };
    expect(body.error).toContain('Valid variants: broken, fixed.');
    expect(body.variants).toEqual(['broken', 'fixed']);
  });

  it('malformed trace id is rejected with 400', async () => {
    for (const bad of ['short', 'has space in it', 'x'.repeat(65), '<script>alert(1)</script>']) {
      const response = await api.request(
        `/scenarios/missing-allow-origin/broken/data?trace=${encodeURIComponent(bad)}`,
        fromApp,
      );
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain('Invalid trace id');
    }
  });

  it('records endpoint rejects a malformed trace', async () => {
    const response = await api.request(`${recordsPath}/not*valid`, fromApp);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('Invalid trace id "not*valid"');
  });

  it('records endpoint allows only the app origin', async () => {
    const fromApp = await api.request(`${recordsPath}/${trace}`, { headers: { Origin: testOrigins.app } });
    expect(fromApp.headers.get('Access-Control-Allow-Origin')).toBe(testOrigins.app);
    const fromElsewhere = await api.request(`${recordsPath}/${trace}`, { headers: { Origin: 'http://evil.test' } });
    expect(fromElsewhere.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('odd paths and methods never cause a 500', async () => {
    const requests: [string, RequestInit?][] = [
      ['/scenarios/%E0%A4%A/broken/data'],
      ['/scenarios/missing-allow-origin/broken/%ZZ'],
      [`/scenarios/${'a'.repeat(5000)}/broken/data`],
      ['/scenarios//broken/data'],
      ['/scenarios'],
      ['/'],
      ['/scenarios/missing-allow-origin/broken/data', { method: 'PROPFIND' }],
      ['/scenarios/missing-allow-origin/broken/data?trace=aaaaaaaa&trace=<b>'],
    ];
    for (const [path, init] of requests) {
      const response = await api.request(path, init);
      expect(response.status, path.slice(0, 60)).toBeLessThan(500);
    }
  });

  // A decoded path in a log line could forge other lines or send escape sequences to the terminal.
  it('logs request paths percent-encoded', async () => {
    const lines: string[] = [];
    const logged = createScenarioServer({
      server: 'api',
      origins: testOrigins,
      store: new RecordStore(),
      log: (line) => lines.push(line),
    });

    for (const path of [
      '/%0D%0A[api]%20forged',
      '/scenarios/%1B%5B2J/broken/data',
      '/scenarios/missing-allow-origin/%00',
    ]) {
      await logged.request(path);
    }

    // Hono's logger colours its own lines with escape sequences, so only the 404 lines are checked.
    const notFoundLines = lines.filter((line) => line.startsWith('[api] 404 '));
    expect(notFoundLines).toHaveLength(3);
    // eslint-disable-next-line no-control-regex -- control characters are what the test looks for
    for (const line of notFoundLines) expect(line).not.toMatch(/[\x00-\x1f\x7f]/);
  });

  it('unknown scenario message cuts a long id short', async () => {
    const response = await api.request(`/scenarios/${'a'.repeat(5000)}/broken/data`);
    const body = (await response.json()) as { error: string };
    expect(body.error).toContain(`"${'a'.repeat(80)}…"`);
    expect(body.error).not.toContain('a'.repeat(81));
  });
});

describe('proxy', () => {
  it('answers 502 naming the API when it is down', async () => {
    const proxy = createProxyServer({
      upstream: 'http://127.0.0.1:9',
      origins: testOrigins,
      store: new RecordStore(),
      log: silentLog,
      fetchUpstream: () => Promise.reject(new TypeError('fetch failed')),
    });
    const response = await proxy.request('/scenarios/duplicate-allow-origin/broken/data');
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: string }).error).toContain('http://127.0.0.1:9');
  });

  it('adds its headers only where the variant says so', async () => {
    const { apps } = createTestServers();
    const broken = await apps.proxy.request('/scenarios/duplicate-allow-origin/broken/data', {
      headers: { Origin: testOrigins.app },
    });
    expect(broken.headers.get('Access-Control-Allow-Origin')).toBe(`${testOrigins.app}, ${testOrigins.app}`);
    const fixed = await apps.proxy.request('/scenarios/duplicate-allow-origin/fixed/data', {
      headers: { Origin: testOrigins.app },
    });
    expect(fixed.headers.get('Access-Control-Allow-Origin')).toBe(testOrigins.app);
  });

  // The app's cors() still adds the header to the 404, so only the proxy's copy goes.
  it('adds no header to an error response', async () => {
    const { apps } = createTestServers();
    const response = await apps.proxy.request('/scenarios/duplicate-allow-origin/broken/no-such-path', {
      headers: { Origin: testOrigins.app },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(testOrigins.app);
  });
});

describe('connections', () => {
  /** Sends a GET over a keep-alive agent, as a browser would, and returns the Connection header of the answer. */
  async function connectionHeader(port: number, path: string): Promise<string | undefined> {
    const agent = new Agent({ keepAlive: true });
    try {
      return await new Promise((resolve, reject) => {
        get({ host: '127.0.0.1', port, path, agent, headers: { Origin: testOrigins.app } }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.headers.connection));
        }).on('error', reject);
      });
    } finally {
      agent.destroy();
    }
  }

  it('playground endpoints close the connection, scenario routes keep it', async () => {
    const { apps } = createTestServers();
    const server = createAdaptorServer({ fetch: apps.api.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      // Chromium sends a request again when a reused connection closes without an answer, so the
      // playground's own requests must leave no idle connection behind for a scenario's request.
      expect(await connectionHeader(port, `${recordsPath}/${trace}`)).toBe('close');
      expect(await connectionHeader(port, runnerScriptPath)).toBe('close');
      expect(await connectionHeader(port, '/scenarios/missing-allow-origin/fixed/data')).toBe('keep-alive');
    } finally {
      server.close();
    }
  });
});
