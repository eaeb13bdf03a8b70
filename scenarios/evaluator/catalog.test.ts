import { describe, expect, it } from 'vitest';
import { createTestServers, testOrigins } from '../../server/test-servers.ts';
import { blockedUrls, chromiumConsoleMessage, chromiumInitiators } from '../chromium-messages.ts';
import {
  decidedByServersAlone,
  fillOrigins,
  isCorsBlock,
  requestPageOrigin,
  scenarios,
  serverNames,
  variantNames,
  type Scenario,
  type VariantName,
} from '../index.ts';
import { evaluate, evaluateAsync } from './evaluate.ts';
import { PreflightCache } from './preflight-cache.ts';
import { responderFromExchanges } from './responders.ts';
import type { AsyncResponder, CorsRequest, Evaluation, HopResponse } from './types.ts';

type TestServers = ReturnType<typeof createTestServers>;

/** Builds the request the catalog's client page sends for a variant, as the evaluator takes it. */
function catalogRequest(scenario: Scenario, variant: VariantName, query = ''): CorsRequest {
  const { request } = scenario.variants[variant];
  const url = `${testOrigins[request.target]}/scenarios/${scenario.id}/${variant}${request.path}${query}`;
  return {
    origin: requestPageOrigin(request, testOrigins),
    // Without its scheme, the URL parser reads the host as the scheme, as the page's fetch() does.
    url: request.omitScheme === true ? url.slice(url.indexOf('//') + 2) : url,
    method: request.method,
    headers: request.headers,
    credentials: request.credentials,
    initiator: chromiumInitiators[request.initiator],
    ...(request.body !== undefined && { body: request.body }),
    ...(request.mode !== undefined && { mode: request.mode }),
    ...(request.redirect !== undefined && { redirect: request.redirect }),
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

/**
 * Evaluates the variant's request in-process as the page sends it. A variant with earlier sends sends them
 * first, to the same URL with a trace id, so that a server that keeps state per attempt and the browser's
 * preflight cache both see them; each must get the verdict the catalog expects.
 */
async function evaluateLastSend(
  scenario: Scenario,
  variant: VariantName,
): Promise<{ evaluation: Evaluation; url: string }> {
  const { expected, request } = scenario.variants[variant];
  const earlierSends = expected.earlierSends ?? [];
  const query = earlierSends.length === 0 ? '' : `?trace=${`catalog-${scenario.id}-${variant}`.slice(0, 64)}`;
  const last = catalogRequest(scenario, variant, query);
  const responder = inProcessResponder(request.body);
  const cache = new PreflightCache('chromium');

  for (const [index, send] of earlierSends.entries()) {
    const page = send.page ?? request.page ?? { kind: 'app' };
    const origin =
      page.kind === 'frame' ? fillOrigins(page.origin, testOrigins) : page.kind === 'app' ? testOrigins.app : 'null';
    const earlier = await evaluateAsync({ ...last, origin }, responder, { cache });
    expect(earlier.verdict, `send ${index + 1}`).toBe(send.outcome.verdict);
  }
  return { evaluation: await evaluateAsync(last, responder, { cache }), url: last.url };
}

// WebSockets are not subject to CORS, so the evaluator has nothing to judge for them.
describe.each(
  scenarios
    .filter(({ request }) => request.initiator !== 'websocket')
    .flatMap((scenario) => variantNames.map((variant) => [scenario.id, variant, scenario] as const))
    .filter(([, variant, scenario]) => decidedByServersAlone(scenario.variants[variant])),
)('catalog %s, %s variant', (_id, variant, scenario) => {
  const expected = scenario.variants[variant].expected;

  it('matches the expected outcome', async () => {
    const { evaluation, url } = await evaluateLastSend(scenario, variant);
    const { outcome } = expected;
    // The evaluator judges only CORS. Whether it finds a failure of another cause allowed, or finds that no
    // response came back, the e2e suite checks against the real servers, which these responders are not.
    if (outcome.verdict === 'blocked' && !isCorsBlock(outcome)) return;

    const { request } = scenario.variants[variant];
    // A no-cors response reaches the page as an opaque one, which the evaluator names as such.
    const allowedVerdict = request.mode === 'no-cors' ? 'opaque' : 'allowed';
    expect(evaluation.verdict).toBe(outcome.verdict === 'allowed' ? allowedVerdict : outcome.verdict);
    if (outcome.verdict === 'allowed') {
      expect(evaluation.consoleMessage).toBeUndefined();
      // The evaluator's readable headers give what the page's response.headers.get() returns.
      for (const symptom of expected.symptoms ?? []) {
        if (symptom.kind !== 'response-header') continue;
        const readable = evaluation.outcome.verdict === 'allowed' ? evaluation.outcome.readableHeaders : [];
        const value = readable.find(([name]) => name === symptom.name.toLowerCase())?.[1] ?? null;
        expect(value, `response.headers.get('${symptom.name}')`).toBe(symptom.value);
      }
      return;
    }
    expect(evaluation.outcome).toMatchObject({ stage: outcome.stage });
    if (outcome.stage === 'request') {
      // Rejected before sending: the evaluator gives a network error that carries Chromium's CORS issue kind.
      expect(evaluation.outcome).toMatchObject({ kind: 'network-error', rendererCorsError: outcome.corsError });
      expect(evaluation.exchanges).toEqual([]);
      return;
    }
    expect(evaluation.outcome).toMatchObject({ kind: 'cors', corsError: outcome.corsError });

    const { value, method, header } = outcome.detail;
    const { redirectedTo } = outcome;
    const requested = url;
    // fetch() rejects with a TypeError, and every other initiator reports a block in its own way.
    expect(evaluation.js.kind).toBe(scenario.request.initiator === 'fetch' ? 'type-error' : 'error-event');
    expect(evaluation.consoleMessage).toBe(
      chromiumConsoleMessage({
        initiator: chromiumInitiators[scenario.request.initiator],
        ...blockedUrls(requested, redirectedTo === undefined ? undefined : testOrigins[redirectedTo]),
        origin: requestPageOrigin(request, testOrigins),
        corsError: outcome.corsError,
        ...(value !== undefined && { value: fillOrigins(value, testOrigins) }),
        ...(method !== undefined && { method }),
        ...(header !== undefined && { header }),
      }),
    );
  });

  it('sends the expected requests', async () => {
    const { evaluation } = await evaluateLastSend(scenario, variant);
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
