import { describe, expect, it } from 'vitest';
import { createTestServers, testOrigins } from '../../server/test-servers.ts';
import { chromiumInitiators } from '../chromium-messages.ts';
import { evaluate, evaluateAsync } from '../evaluator/index.ts';
import type { AsyncResponder, CorsRequest, Exchange } from '../evaluator/types.ts';
import { fillOrigins, scenarios, serverNames, variantNames, type Scenario, type VariantName } from '../index.ts';
import { caseResponder } from './compose.ts';
import { caseFromScenario, isCaseScenario } from './from-scenario.ts';
import { caseRequest } from './lab-url.ts';
import { parseCase } from './validate.ts';

/** The request the catalog's page sends for a variant, to the variant's own URL. */
function catalogRequest(scenario: Scenario, variant: VariantName): CorsRequest {
  const { request } = scenario.variants[variant];
  const page = request.page ?? { kind: 'app' };
  const origin =
    page.kind === 'sandboxed-frame'
      ? 'null'
      : page.kind === 'frame'
        ? fillOrigins(page.origin, testOrigins)
        : testOrigins.app;
  return {
    origin,
    url: `${testOrigins[request.target]}/scenarios/${scenario.id}/${variant}${request.path}`,
    method: request.method,
    headers: request.headers,
    credentials: request.credentials,
    mode: request.mode ?? 'cors',
    initiator: chromiumInitiators[request.initiator],
    ...(request.body !== undefined && { body: request.body }),
  };
}

/** Sends each request to the real Hono servers, in-process. */
function serversResponder(body: string | undefined): AsyncResponder {
  const { apps } = createTestServers();
  return async (request) => {
    const server = serverNames.find((name) => testOrigins[name] === new URL(request.url).origin);
    if (server === undefined) return undefined;
    const sendsBody = body !== undefined && request.role === 'actual' && request.method !== 'GET';
    const response = await apps[server].request(request.url, {
      method: request.method,
      headers: request.headers.map(([name, value]): [string, string] => [name, value]),
      ...(sendsBody && { body }),
    });
    return { status: response.status, headers: [...response.headers] };
  };
}

/** What the two runs must share: each request's role and Origin, and its response without URL-bound headers. */
function comparable(exchanges: readonly Exchange[]) {
  return exchanges.map(({ request, response }) => ({
    role: request.role,
    hop: request.hop,
    method: request.method,
    origin: request.origin,
    server: serverNames.find((name) => testOrigins[name] === new URL(request.url).origin),
    status: response?.status,
    // Headers combines repeated names as a server's Headers object does; the Location differs by design.
    headers: [...new Headers(response?.headers.map(([name, value]): [string, string] => [name, value]))].filter(
      ([name]) => name !== 'location' && name !== 'content-length',
    ),
  }));
}

const variants = scenarios.flatMap((scenario) =>
  variantNames.map((variant) => [scenario.id, variant, scenario] as const),
);

describe.each(variants.filter(([, variant, scenario]) => isCaseScenario(scenario, variant)))(
  'caseFromScenario %s, %s',
  (_id, variant, scenario) => {
    const value = caseFromScenario(scenario, variant);

    it('builds a valid case', () => {
      expect(parseCase(value)).toEqual({ ok: true, value });
    });

    it('answers as the real servers do', async () => {
      const body = scenario.variants[variant].request.body;
      const real = await evaluateAsync(catalogRequest(scenario, variant), serversResponder(body));

      const fromCase = evaluate(caseRequest(value, testOrigins), caseResponder(value, testOrigins));

      expect(comparable(fromCase.exchanges)).toEqual(comparable(real.exchanges));
      expect(fromCase.outcome.verdict).toBe(real.outcome.verdict);
    });

    it('expects the catalog outcome', () => {
      const { outcome } = scenario.variants[variant].expected;

      expect(value.expected?.verdict).toBe(
        outcome.verdict === 'allowed' && value.request.mode === 'no-cors' ? 'opaque' : outcome.verdict,
      );
      if (outcome.verdict === 'blocked' && (outcome.cause === undefined || outcome.cause === 'cors')) {
        expect(value.expected).toEqual({ verdict: 'blocked', stage: outcome.stage, corsError: outcome.corsError });
      }
    });
  },
);

describe('caseFromScenario without a case', () => {
  it.each(variants.filter(([, variant, scenario]) => !isCaseScenario(scenario, variant)))(
    'rejects %s, %s by name',
    (id, variant, scenario) => {
      expect(() => caseFromScenario(scenario, variant)).toThrow(`Scenario '${id}' (${variant}) has no case: `);
    },
  );
});
