import { describe, expect, test } from 'vitest';

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
} from '../scenarios/index.ts';
import {
  evaluate,
  evaluateAsync,
  PreflightCache,
  type AsyncResponder,
  type HopResponse,
} from '../scenarios/evaluator/index.ts';
import type { RecordedExchange } from '../scenarios/records.ts';
import { createTestServers, testOrigins as origins } from '../server/test-servers.ts';
import { attemptRequest, inspectAttempt } from './inspection.ts';
import { buildSequence, displayPath, type SequenceStep } from './sequence.ts';
import { requestUrl } from './send.ts';
import { recordedExchange } from './test-catalog.ts';

const pageOrigin = origins.app;

/** The origin of the page that sends a variant's request: the app's, or a frame's. */
function sendingOrigin(scenario: Scenario, variant: VariantName): string {
  return requestPageOrigin(scenario.variants[variant].request, origins);
}

/**
 * Sends the scenario's request through the evaluator to the real servers, in-process, as the browser
 * would, and returns the URL and what the servers recorded.
 */
async function recordAttempt(scenario: Scenario, variant: VariantName, trace: string) {
  const servers = createTestServers();
  const url = requestUrl(origins, scenario, variant, trace);
  const { body } = scenario.variants[variant].request;
  const responder: AsyncResponder = async (request) => {
    const server = serverNames.find((name) => origins[name] === new URL(request.url).origin);
    if (server === undefined) return undefined;
    const sendsBody = body !== undefined && request.role === 'actual' && request.method !== 'GET';
    const response = await servers.apps[server].request(request.url, {
      method: request.method,
      headers: request.headers.map(([name, value]): [string, string] => [name, value]),
      ...(sendsBody && { body }),
    });
    const headers: HopResponse['headers'] = [...response.headers];
    return { status: response.status, headers };
  };
  // Sends before the last go to the same URL, and the preflight cache they fill decides what the last one sends.
  const cache = new PreflightCache('chromium');
  const earlierSends: { pageOrigin: string; exchanges: RecordedExchange[] }[] = [];
  for (const send of scenario.variants[variant].expected.earlierSends ?? []) {
    const page = send.page ?? { kind: 'app' };
    const origin =
      page.kind === 'frame' ? fillOrigins(page.origin, origins) : page.kind === 'app' ? pageOrigin : 'null';
    const before = servers.store.get(trace).exchanges.length;
    await evaluateAsync(attemptRequest(scenario, url, origin, variant), responder, { cache });
    earlierSends.push({ pageOrigin: origin, exchanges: servers.store.get(trace).exchanges.slice(before) });
  }
  const before = servers.store.get(trace).exchanges.length;
  await evaluateAsync(attemptRequest(scenario, url, sendingOrigin(scenario, variant), variant), responder, { cache });
  return { url, records: servers.store.get(trace).exchanges.slice(before), earlierSends };
}

function summary(step: SequenceStep): string {
  const status = step.status === undefined ? '' : ` ${step.status}`;
  return `${step.from}->${step.to} ${step.method}${status} ${step.result}`;
}

// The page shows no sequence for a WebSocket, which no CORS check governs.
describe.each(
  scenarios
    .filter(({ request }) => request.initiator !== 'websocket')
    .flatMap((scenario) => variantNames.map((variant) => [scenario.id, variant, scenario] as const))
    .filter(([, variant, scenario]) => decidedByServersAlone(scenario.variants[variant])),
)('sequence of %s, %s variant', (id, variant, scenario) => {
  const expected = scenario.variants[variant].expected;

  test('has one step per recorded exchange', async () => {
    const { url, records, earlierSends } = await recordAttempt(scenario, variant, `seq-${id}-${variant}`.slice(0, 64));

    const { sequence } = inspectAttempt({
      scenario,
      variant,
      url,
      records,
      origins,
      pageOrigin: sendingOrigin(scenario, variant),
      earlierSends,
    });
    const recorded = sequence.steps.filter((step) => step.result !== 'not-sent');

    expect(recorded.map(({ to, method, status }) => ({ server: to, method, status }))).toEqual(
      expected.exchanges.map(({ server, method, status }) => ({ server, method, status })),
    );
    expect(recorded.map((step) => step.record)).toEqual(records);
  });

  test('marks what the browser did', async () => {
    const { url, records, earlierSends } = await recordAttempt(scenario, variant, `res-${id}-${variant}`.slice(0, 64));

    const { sequence, faultRecord } = inspectAttempt({
      scenario,
      variant,
      url,
      records,
      origins,
      pageOrigin: sendingOrigin(scenario, variant),
      earlierSends,
    });
    const fromBrowser = sequence.steps.filter((step) => step.sender === 'browser');
    const results = fromBrowser.map((step) => step.result);
    const { outcome } = expected;

    if (outcome.verdict === 'allowed') {
      expect(results.every((result) => result === 'passed')).toBe(true);
      expect(faultRecord).toBeUndefined();
      return;
    }
    // The diagram shows what the evaluator finds, which judges only CORS: the e2e suite checks the other failures.
    if (!isCorsBlock(outcome)) return;
    // A request mode the page may not use stops the request before anything is sent.
    if (outcome.stage === 'request') {
      expect(results).toEqual(['not-sent']);
      return;
    }
    const blocked = fromBrowser.filter((step) => step.result === 'blocked');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.role).toBe(outcome.fault?.exchange);
    expect(blocked[0]?.note).toMatch(/check/);
    expect(faultRecord).toBe(blocked[0]?.record);
    // After a failed preflight the actual request is never sent, nor the redirect's target after a blocked
    // redirect, and the diagram shows that step as not sent.
    if (outcome.stage === 'preflight') {
      expect(results.slice(-2)).toEqual(['blocked', 'not-sent']);
      expect(fromBrowser.at(-1)?.method).toBe(scenario.request.method);
    } else if (outcome.stage === 'redirect') {
      expect(results.slice(-2)).toEqual(['blocked', 'not-sent']);
    } else {
      expect(results.at(-1)).toBe('blocked');
    }
  });
});

test('proxy request to the API is a server step', async () => {
  const scenario = scenarios.find((candidate) => candidate.id === 'duplicate-allow-origin')!;
  const { url, records } = await recordAttempt(scenario, 'broken', 'proxy-step');

  const { sequence } = inspectAttempt({ scenario, url, records, origins, pageOrigin });

  expect(sequence.steps.map(summary)).toEqual(['browser->proxy GET 200 blocked', 'proxy->api GET 200 passed']);
  expect(sequence.steps[1]?.sender).toBe('server');
  expect(sequence.steps[1]?.note).toContain('the browser never sees this exchange');
  expect(sequence.lanes.map((lane) => lane.id)).toEqual(['browser', 'proxy', 'api']);
});

describe('buildSequence', () => {
  const scenario = scenarios.find((candidate) => candidate.id === 'method-not-allowed')!;
  const url = requestUrl(origins, scenario, 'broken', 'abcdefgh');

  function sequenceOf(
    request: { method: string; url: string; headers?: Record<string, string> },
    records: RecordedExchange[],
  ) {
    const evaluation = evaluate({ origin: pageOrigin, ...request }, (outgoing) => {
      const match = records.find(
        (candidate) =>
          candidate.method === outgoing.method && `${origins[candidate.server]}${candidate.url}` === outgoing.url,
      );
      return match === undefined ? undefined : { status: match.status, headers: match.responseHeaders };
    });
    return buildSequence({ evaluation, records, origins, pageOrigin, request });
  }

  test('blocked preflight leaves the actual request unsent', () => {
    const path = new URL(url).pathname + new URL(url).search;
    const sequence = sequenceOf({ method: 'PUT', url }, [
      recordedExchange({ method: 'OPTIONS', url: path, status: 204 }),
    ]);

    expect(sequence.steps.map(summary)).toEqual(['browser->api OPTIONS 204 blocked', 'browser->api PUT not-sent']);
    expect(sequence.steps[0]?.note).toBe('CORS check failed: Access-Control-Allow-Origin is missing');
    expect(sequence.steps[1]?.path).toBe('/scenarios/method-not-allowed/broken/orders/42');
  });

  test('unanswered request is blocked without status', () => {
    const sequence = sequenceOf({ method: 'GET', url }, []);

    expect(sequence.steps.map(summary)).toEqual(['browser->api GET blocked']);
    expect(sequence.steps[0]?.note).toMatch(/^no response/);
  });

  test('redirect not followed is not sent', () => {
    const redirect = recordedExchange({
      url: '/start?trace=abcdefgh',
      status: 302,
      responseHeaders: [['location', `${origins.partner}/next?trace=abcdefgh`]],
    });
    const sequence = sequenceOf({ method: 'GET', url: `${origins.api}/start?trace=abcdefgh` }, [redirect]);

    expect(sequence.steps.map(summary)).toEqual(['browser->api GET 302 blocked', 'browser->partner GET not-sent']);
    expect(sequence.steps[1]?.path).toBe('/next');
    expect(sequence.lanes.map((lane) => lane.id)).toEqual(['browser', 'api', 'partner']);
  });

  test('request fetch() rejects is not sent', () => {
    const sequence = sequenceOf({ method: 'CONNECT', url }, []);

    expect(sequence.steps.map(summary)).toEqual(['browser->api CONNECT not-sent']);
    expect(sequence.steps[0]?.note).toContain('fetch() rejected');
  });

  test('redirect to another origin gets its own lane', () => {
    const redirect = recordedExchange({
      url: '/start?trace=abcdefgh',
      status: 302,
      responseHeaders: [
        ['location', 'http://cdn.example/next'],
        ['access-control-allow-origin', '*'],
      ],
    });
    const sequence = sequenceOf({ method: 'GET', url: `${origins.api}/start?trace=abcdefgh` }, [redirect]);

    expect(sequence.steps.map(summary)).toEqual([
      'browser->api GET 302 passed',
      'browser->origin:http://cdn.example GET blocked',
    ]);
    expect(sequence.lanes.at(-1)).toEqual({
      id: 'origin:http://cdn.example',
      label: 'http://cdn.example',
      origin: 'http://cdn.example',
    });
  });

  test('unexpected record is shown from the browser', () => {
    const get = recordedExchange({
      url: '/data?trace=abcdefgh',
      responseHeaders: [['access-control-allow-origin', '*']],
    });
    const stray = recordedExchange({ method: 'POST', url: '/other?trace=abcdefgh', sequence: 2 });
    const sequence = sequenceOf({ method: 'GET', url: `${origins.api}/data?trace=abcdefgh` }, [get, stray]);

    expect(sequence.steps.map(summary)).toEqual(['browser->api GET 200 passed', 'browser->api POST 200 passed']);
    expect(sequence.steps[1]?.note).toContain('did not expect');
  });
});

describe('displayPath', () => {
  test.each([
    ['/a/b?trace=abcdefgh', '/a/b'],
    ['/a/b?x=1&trace=abcdefgh', '/a/b?x=1'],
    ['/a/b', '/a/b'],
    ['http://localhost:8001/a?trace=abcdefgh&y=2', '/a?y=2'],
    ['//evil.example/x?trace=abcdefgh', '//evil.example/x'],
  ])('%s shows as %s', (url, shown) => {
    expect(displayPath(url)).toBe(shown);
  });
});
