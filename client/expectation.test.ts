import { describe, expect, test } from 'vitest';

import type { RecordedExchange } from '../scenarios/records.ts';
import type { Attempt } from './attempt.ts';
import {
  compareRecords,
  describeOutcome,
  exchangesDivergence,
  expectedConsoleMessage,
  jsDivergence,
  readSymptoms,
} from './expectation.ts';
import type { JsOutcome } from './send.ts';
import { defaultOrigins, recordedExchange, scenarioById } from './test-catalog.ts';

const origins = defaultOrigins;
const url = 'http://localhost:8001/scenarios/x/broken/data?trace=abcdefgh';

const rejected: JsOutcome = { kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' };

function response(status: number, statusText = ''): JsOutcome {
  return { kind: 'response', status, statusText, headers: [], body: '' };
}

describe('expectedConsoleMessage', () => {
  test('fills the value with origins', () => {
    const outcome = scenarioById('allow-origin-mismatch').variants.broken.expected.outcome;

    expect(expectedConsoleMessage(outcome, url, origins)).toBe(
      `Access to fetch at '${url}' from origin 'http://localhost:5173' has been blocked by CORS policy: ` +
        "The 'Access-Control-Allow-Origin' header has a value 'http://localhost:5173/' that is not equal to " +
        'the supplied origin. Have the server send the header with a valid value.',
    );
  });

  test('passes the disallowed method', () => {
    const outcome = scenarioById('method-not-allowed').variants.broken.expected.outcome;

    expect(expectedConsoleMessage(outcome, url, origins)).toContain(
      'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.',
    );
  });

  test('allowed outcome has none', () => {
    const outcome = scenarioById('allow-origin-mismatch').variants.fixed.expected.outcome;

    expect(expectedConsoleMessage(outcome, url, origins)).toBeUndefined();
  });
});

describe('describeOutcome', () => {
  test('names the stage', () => {
    const outcome = scenarioById('preflight-redirect').variants.broken.expected.outcome;

    expect(describeOutcome(outcome)).toMatch(/^Blocked at the preflight/);
  });
});

describe('jsDivergence', () => {
  const blocked = scenarioById('missing-allow-origin').variants.broken.expected;
  const allowed = scenarioById('header-not-allowed').variants.fixed.expected;

  test('agreeing outcomes give none', () => {
    expect(jsDivergence(blocked, rejected)).toBeUndefined();
    expect(jsDivergence(allowed, response(201))).toBeUndefined();
  });

  test('allowed when blocked expected', () => {
    expect(jsDivergence(blocked, response(200, 'OK'))).toBe(
      'The browser was expected to block this request, but JavaScript got 200 OK.',
    );
  });

  test('blocked when allowed expected', () => {
    expect(jsDivergence(allowed, rejected)).toBe(
      'The browser was expected to allow this request with status 201, but JavaScript got TypeError: Failed to fetch.',
    );
  });

  test('another status', () => {
    expect(jsDivergence(allowed, response(500, 'Internal Server Error'))).toBe(
      'The response was expected to have status 201, but JavaScript got 500 Internal Server Error.',
    );
  });
});

function recorded(server: 'api' | 'proxy', method: string, status: number): RecordedExchange {
  return { server, method, status, sequence: 1, receivedAt: '', url: '', requestHeaders: [], responseHeaders: [] };
}

describe('exchangesDivergence', () => {
  const expected = scenarioById('method-not-allowed').variants.fixed.expected.exchanges;

  test('same exchanges give none', () => {
    expect(
      exchangesDivergence(expected, [recorded('api', 'OPTIONS', 204), recorded('api', 'PUT', 200)]),
    ).toBeUndefined();
  });

  test('missing exchange', () => {
    expect(exchangesDivergence(expected, [recorded('api', 'OPTIONS', 204)])).toBe(
      'The servers were expected to record OPTIONS on api (204), then PUT on api (200), ' +
        'but they recorded OPTIONS on api (204).',
    );
  });

  test('another status', () => {
    expect(exchangesDivergence(expected, [recorded('api', 'OPTIONS', 204), recorded('api', 'PUT', 500)])).toBeDefined();
  });

  test('nothing recorded', () => {
    expect(exchangesDivergence(expected, [])).toMatch(/but they recorded nothing\.$/);
  });
});

describe('compareRecords', () => {
  const expected = scenarioById('auth-before-cors').variants.broken.expected.exchanges;
  const base = { trace: 'abcdefgh', url, js: rejected };

  function done(exchanges: RecordedExchange[]): Attempt {
    return { ...base, state: 'done', records: { trace: 'abcdefgh', exchanges } };
  }

  test('running attempt is pending', () => {
    expect(compareRecords(expected, { ...base, state: 'running' })).toEqual({ kind: 'pending' });
  });

  test('failed read is unreadable', () => {
    const attempt: Attempt = {
      ...base,
      state: 'records-failed',
      recordsError: { url: 'http://localhost:8001/__playground/records/abcdefgh', error: 'the request failed' },
    };

    expect(compareRecords(expected, attempt)).toEqual({ kind: 'unreadable' });
  });

  test('empty records are nothing recorded', () => {
    expect(compareRecords(expected, done([]))).toEqual({ kind: 'nothing-recorded' });
  });

  test('empty records match empty expectation', () => {
    expect(compareRecords([], done([]))).toEqual({ kind: 'same', exchanges: 'nothing' });
  });

  test('other exchanges are different', () => {
    const comparison = compareRecords(expected, done([recorded('api', 'OPTIONS', 204)]));

    expect(comparison).toEqual({
      kind: 'different',
      divergence: 'The servers were expected to record OPTIONS on api (401), but they recorded OPTIONS on api (204).',
    });
  });

  test('matching exchanges are same', () => {
    const comparison = compareRecords(expected, done([recorded('api', 'OPTIONS', 401)]));

    expect(comparison).toEqual({ kind: 'same', exchanges: 'OPTIONS on api (401)' });
  });
});

describe('jsDivergence for other initiators', () => {
  const xhrBlocked = scenarioById('xhr-missing-allow-origin').variants.broken.expected;
  const imageLoaded = scenarioById('image-crossorigin-missing-allow-origin').variants.fixed.expected;
  const beacon = scenarioById('send-beacon-json').variants.broken.expected;

  test('agrees on the same event', () => {
    expect(jsDivergence(xhrBlocked, { kind: 'error-event', text: 'error event (status 0)' })).toBeUndefined();
    expect(jsDivergence(imageLoaded, { kind: 'loaded', text: 'load event; canvas pixel rgba(0, 128, 0, 255)' })).toBe(
      undefined,
    );
    expect(jsDivergence(beacon, { kind: 'beacon', queued: true })).toBeUndefined();
  });

  test('names a different event', () => {
    expect(jsDivergence(imageLoaded, { kind: 'error-event', text: 'error event' })).toBe(
      'JavaScript was expected to get load event; canvas pixel rgba(0, 128, 0, 255), but it got error event.',
    );
  });

  test('names an unqueued beacon', () => {
    expect(jsDivergence(beacon, { kind: 'beacon', queued: false })).toBe(
      'sendBeacon() was expected to return true, but JavaScript got sendBeacon() returned false.',
    );
  });
});

describe('expectedConsoleMessage for other initiators', () => {
  test('adds the XHR credentials sentence', () => {
    const outcome = scenarioById('xhr-wildcard-with-credentials').variants.broken.expected.outcome;

    expect(expectedConsoleMessage(outcome, url, origins, 'xhr')).toBe(
      `Access to XMLHttpRequest at '${url}' from origin 'http://localhost:5173' has been blocked by CORS policy: ` +
        "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' " +
        "when the request's credentials mode is 'include'. The credentials mode of requests initiated by the " +
        'XMLHttpRequest is controlled by the withCredentials attribute.',
    );
  });

  test('names a beacon a resource', () => {
    const outcome = scenarioById('send-beacon-json').variants.broken.expected.outcome;

    expect(expectedConsoleMessage(outcome, url, origins, 'beacon')).toMatch(/^Access to resource at /);
  });
});

describe('readSymptoms', () => {
  const hidden: JsOutcome = {
    kind: 'response',
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    body: '{}',
    type: 'cors',
    json: '{}',
  };

  test('a header JavaScript cannot read reads null', () => {
    const symptoms = [{ kind: 'response-header', name: 'X-Total-Count', value: null }] as const;

    const [reading] = readSymptoms(symptoms, hidden, [], 'api');

    expect(reading).toMatchObject({ actual: null, matches: true });
  });

  test('a request header comes from the actual request', () => {
    const records = [
      recordedExchange({ method: 'OPTIONS', status: 204 }),
      recordedExchange({ requestHeaders: [['cookie', 'session=ada']] }),
    ];
    const symptoms = [{ kind: 'request-header', name: 'Cookie', value: null }] as const;

    const [reading] = readSymptoms(symptoms, hidden, records, 'api');

    expect(reading).toMatchObject({ actual: 'session=ada', matches: false });
  });

  test('response type and json come from fetch()', () => {
    const symptoms = [
      { kind: 'response-type', value: 'cors' },
      { kind: 'json', value: '{}' },
    ] as const;

    expect(readSymptoms(symptoms, hidden, [], 'api').map((reading) => reading.matches)).toEqual([true, true]);
  });

  test('unknown before the attempt settles', () => {
    const symptoms = [{ kind: 'request-header', name: 'Cookie', value: null }] as const;

    const [reading] = readSymptoms(symptoms, undefined, undefined, 'api');

    expect(reading).toMatchObject({ actual: undefined, matches: false });
  });
});
