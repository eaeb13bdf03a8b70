import { describe, expect, it } from 'vitest';
import { createTestServers, testOrigins } from '../../server/test-servers.ts';
import { blockedUrls, chromiumConsoleMessage, chromiumInitiators } from '../chromium-messages.ts';
import {
  fillOrigins,
  isCorsBlock,
  scenarios,
  serverNames,
  variantNames,
  type Scenario,
  type VariantName,
} from '../index.ts';
import { evaluate, evaluateAsync } from './evaluate.ts';
import { responderFromExchanges } from './responders.ts';
import type { AsyncResponder, CorsRequest, HopResponse } from './types.ts';

type TestServers = ReturnType<typeof createTestServers>;

/** Builds the request the catalog's client page sends for a variant, as the evaluator takes it. */
function catalogRequest(scenario: Scenario, variant: VariantName, query = ''): CorsRequest {
  const { request } = scenario.variants[variant];
  return {
    origin: testOrigins.app,
    url: `${testOrigins[request.target]}/scenarios/${scenario.id}/${variant}${request.path}${query}`,
    method: request.method,
    headers: request.headers,
    credentials: request.credentials,
    initiator: chromiumInitiators[request.initiator],
    ...(request.body !== undefined && { body: request.body }),
  };
}

/** Creates a responder that sends each request to the real Hono servers, in-process. */
function inProcessResponder(body: string | undefined, { apps }: TestServers = createTestServers()): AsyncResponder {
  return async (request) => {
    const server = serverNames.find((name) => testOrigins[name] === new URL(request.url).origin);
    if (server === undefined) return undefined;
    const sendsBody = body !== undefined && request.role === 'actual' && request.method !== 'GET';
    const response = await apps[server].request(request.url, {
      method: request.method,
      headers: request.headers.map(([name, value]): [string, string] => [name, value]),
      ...(sendsBody && { body }),
    });
    const headers: HopResponse['headers'] = [...response.headers];
    return { status: response.status, headers };
  };
}

describe.each(
  scenarios.flatMap((scenario) => variantNames.map((variant) => [scenario.id, variant, scenario] as const)),
)('catalog %s, %s variant', (_id, variant, scenario) => {
  const expected = scenario.variants[variant].expected;

  it('matches the expected outcome', async () => {
    const evaluation = await evaluateAsync(
      catalogRequest(scenario, variant),
      inProcessResponder(scenario.request.body),
    );
    const { outcome } = expected;
    // The evaluator judges only CORS. Whether it finds a failure of another cause allowed, or finds that no
    // response came back, the e2e suite checks against the real servers, which these responders are not.
    if (outcome.verdict === 'blocked' && !isCorsBlock(outcome)) return;

    expect(evaluation.verdict).toBe(outcome.verdict);
    if (outcome.verdict === 'allowed') {
      expect(evaluation.consoleMessage).toBeUndefined();
      return;
    }
    expect(evaluation.outcome).toMatchObject({ stage: outcome.stage });
    expect(evaluation.outcome).toMatchObject({ kind: 'cors', corsError: outcome.corsError });

    const { value, method, header } = outcome.detail;
    const { redirectedTo } = outcome;
    const requested = catalogRequest(scenario, variant).url;
    // fetch() rejects with a TypeError, and every other initiator reports a block in its own way.
    expect(evaluation.js.kind).toBe(scenario.request.initiator === 'fetch' ? 'type-error' : 'error-event');
    expect(evaluation.consoleMessage).toBe(
      chromiumConsoleMessage({
        initiator: chromiumInitiators[scenario.request.initiator],
        ...blockedUrls(requested, redirectedTo === undefined ? undefined : testOrigins[redirectedTo]),
        origin: testOrigins.app,
        corsError: outcome.corsError,
        ...(value !== undefined && { value: fillOrigins(value, testOrigins) }),
        ...(method !== undefined && { method }),
        ...(header !== undefined && { header }),
      }),
    );
  });

  it('sends the expected requests', async () => {
    const evaluation = await evaluateAsync(
      catalogRequest(scenario, variant),
      inProcessResponder(scenario.request.body),
    );
    const sent = evaluation.exchanges.map(({ request, response }) => ({
      server: serverNames.find((name) => testOrigins[name] === new URL(request.url).origin),
      method: request.method,
      status: response?.status,
    }));

    // The proxy's own request to the API is in the catalog too, but the browser never sends it.
    const fromBrowser = expected.exchanges
      .filter((exchange) => scenario.request.target !== 'proxy' || exchange.server === 'proxy')
      .map(({ server, method, status }) => ({ server, method, status }));
    expect(sent).toEqual(fromBrowser);
  });
});

describe.each(
  scenarios.flatMap((scenario) => variantNames.map((variant) => [scenario.id, variant, scenario] as const)),
)('recorded %s, %s variant', (_id, variant, scenario) => {
  // What the e2e suite does: read back what the servers recorded for one attempt, and replay it.
  it('replay matches live evaluation', async () => {
    const servers = createTestServers();
    const trace = `replay-${scenario.id}-${variant}`.slice(0, 64);
    const request = catalogRequest(scenario, variant, `?trace=${trace}`);
    const live = await evaluateAsync(request, inProcessResponder(scenario.request.body, servers));

    const recorded = servers.store.get(trace).exchanges;
    const replayed = evaluate(request, responderFromExchanges(recorded, { origins: testOrigins }));

    expect(replayed.outcome).toEqual(live.outcome);
    expect(replayed.consoleMessage).toBe(live.consoleMessage);
  });
});
