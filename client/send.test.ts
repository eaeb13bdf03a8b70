import { describe, expect, test, vi } from 'vitest';

import { parseHeaderLines } from './initiators.ts';
import {
  indentJson,
  outcomeLine,
  readBeaconRecords,
  readRecords,
  rejectionText,
  reportedFailure,
  requestInit,
  requestUrl,
  sendRequest,
  type JsOutcome,
} from './send.ts';
import { defaultOrigins, scenarioById } from './test-catalog.ts';

const origins = defaultOrigins;

describe('requestUrl', () => {
  test('puts the trace in the query', () => {
    const url = requestUrl(origins, scenarioById('missing-allow-origin'), 'broken', 'abcdefgh');

    expect(url).toBe('http://localhost:8001/scenarios/missing-allow-origin/broken/data?trace=abcdefgh');
  });

  test('uses the target server origin', () => {
    const url = requestUrl(origins, scenarioById('wildcard-with-credentials'), 'fixed', 'abcdefgh');

    expect(url).toBe(
      'http://partner.localhost:8003/scenarios/wildcard-with-credentials/fixed/recommendations?trace=abcdefgh',
    );
  });
});

describe('requestInit', () => {
  test('copies only catalog headers', () => {
    const init = requestInit(scenarioById('header-not-allowed').request);

    expect(init).toEqual({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: '{"item":"notebook","quantity":2}',
    });
  });

  test('passes the mode and redirect options', () => {
    expect(requestInit(scenarioById('mode-same-origin').request)).toMatchObject({ mode: 'same-origin' });
    expect(requestInit(scenarioById('redirect-mode-error').request)).toMatchObject({ redirect: 'error' });
  });

  test('omits body when catalog has none', () => {
    expect('body' in requestInit(scenarioById('missing-allow-origin').request)).toBe(false);
  });
});

describe('sendRequest', () => {
  test('rejection keeps name and message', async () => {
    const fetchFn = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));

    const outcome = await sendRequest('http://localhost:8001/x', scenarioById('missing-allow-origin').request, fetchFn);

    expect(outcome).toEqual({ kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' });
  });

  test('rejection text joins name and message', () => {
    expect(rejectionText({ kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' })).toBe(
      'TypeError: Failed to fetch',
    );
  });

  test('response with indented JSON body', async () => {
    const response = new Response('{"message":"hi"}', {
      status: 201,
      statusText: 'Created',
      headers: { 'Content-Type': 'application/json' },
    });

    const outcome = await sendRequest('http://localhost:8001/x', scenarioById('missing-allow-origin').request, () =>
      Promise.resolve(response),
    );

    expect(outcome).toEqual({
      kind: 'response',
      status: 201,
      statusText: 'Created',
      headers: [['content-type', 'application/json']],
      body: '{\n  "message": "hi"\n}',
      // A Response built in a test has type 'default'; one from a cross-origin fetch() has 'cors'.
      type: 'default',
      json: '{"message":"hi"}',
    });
  });

  test('response.json() error as name and message', async () => {
    const opaque = new Response('', { status: 200 });

    const outcome = await sendRequest('http://localhost:8001/x', scenarioById('no-cors-opaque').request, () =>
      Promise.resolve(opaque),
    );

    expect(outcome).toMatchObject({ kind: 'response', body: '', json: 'SyntaxError: Unexpected end of JSON input' });
  });

  test("passes mode: 'no-cors' to fetch", async () => {
    const fetchFn = vi.fn(() => Promise.resolve(new Response('')));
    const { request } = scenarioById('no-cors-opaque');

    await sendRequest('http://localhost:8001/orders?trace=abcdefgh', request, fetchFn);

    expect(fetchFn).toHaveBeenCalledWith(
      'http://localhost:8001/orders?trace=abcdefgh',
      expect.objectContaining({ mode: 'no-cors' }),
    );
  });

  test('passes URL and init to fetch', async () => {
    const fetchFn = vi.fn(() => Promise.resolve(new Response('')));
    const request = scenarioById('preflight-unauthorized').request;

    await sendRequest('http://localhost:8001/me?trace=abcdefgh', request, fetchFn);

    expect(fetchFn).toHaveBeenCalledWith('http://localhost:8001/me?trace=abcdefgh', requestInit(request));
  });
});

describe('readRecords', () => {
  const trace = 'abcdefgh';
  const url = 'http://localhost:8001/__playground/records/abcdefgh';

  test('returns the trace record', async () => {
    const record = { trace, exchanges: [] };
    const fetchFn = vi.fn(() => Promise.resolve(Response.json(record)));

    const result = await readRecords(origins, trace, fetchFn);

    expect(result).toEqual({ ok: true, record });
    expect(fetchFn).toHaveBeenCalledWith(url, { cache: 'no-store' });
  });

  test('network failure names the error', async () => {
    const result = await readRecords(origins, trace, () => Promise.reject(new TypeError('Failed to fetch')));

    expect(result).toEqual({ ok: false, url, error: 'the request failed with TypeError: Failed to fetch' });
  });

  test('HTTP error quotes the status', async () => {
    const fetchFn = () => Promise.resolve(new Response('invalid trace', { status: 400, statusText: 'Bad Request' }));

    const result = await readRecords(origins, trace, fetchFn);

    expect(result).toEqual({ ok: false, url, error: 'the server answered 400 Bad Request: invalid trace' });
  });

  test('rejects a body of another shape', async () => {
    const result = await readRecords(origins, trace, () => Promise.resolve(Response.json({ exchanges: 3 })));

    expect(result.ok).toBe(false);
  });

  test('rejects a record of another trace', async () => {
    const result = await readRecords(origins, trace, () =>
      Promise.resolve(Response.json({ trace: 'zzzzzzzz', exchanges: [] })),
    );

    expect(result).toEqual({ ok: false, url, error: "the record is for trace 'zzzzzzzz', expected 'abcdefgh'" });
  });
});

describe('indentJson', () => {
  test.each([
    ['{"a":1}', '{\n  "a": 1\n}'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('%j', (text, expected) => {
    expect(indentJson(text)).toBe(expected);
  });
});

describe('reportedFailure', () => {
  test.each<[string, JsOutcome, boolean]>([
    ['rejected fetch', { kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' }, true],
    ['error event', { kind: 'error-event', text: 'error event (status 0)' }, true],
    ['response', { kind: 'response', status: 500, statusText: '', headers: [], body: '' }, false],
    ['load event', { kind: 'loaded', text: 'load event' }, false],
    ['queued beacon', { kind: 'beacon', queued: true }, false],
  ])('%s', (_name, outcome, failed) => {
    expect(reportedFailure(outcome)).toBe(failed);
  });
});

describe('outcomeLine', () => {
  test('names what sendBeacon returned', () => {
    expect(outcomeLine({ kind: 'beacon', queued: true })).toBe('sendBeacon() returned true');
  });

  test('shows an event as the page saw it', () => {
    expect(outcomeLine({ kind: 'error-event', text: 'error event (readyState 2)' })).toBe('error event (readyState 2)');
  });

  test('adds the status text when present', () => {
    expect(outcomeLine({ kind: 'response', status: 200, statusText: 'OK', headers: [], body: '' })).toBe('200 OK');
  });
});

describe('parseHeaderLines', () => {
  test('splits getAllResponseHeaders text', () => {
    const text = 'content-type: application/json\r\nx-note: a: b\r\n';

    expect(parseHeaderLines(text)).toEqual([
      ['content-type', 'application/json'],
      ['x-note', 'a: b'],
    ]);
  });

  test('returns nothing for empty text', () => {
    expect(parseHeaderLines('')).toEqual([]);
  });
});

describe('readBeaconRecords', () => {
  const trace = 'abcdefgh';
  const exchange = { server: 'api', method: 'OPTIONS', status: 204 };

  test('waits until the records stop growing', async () => {
    const counts = [0, 1, 2, 2];
    let reads = 0;
    const fetchFn = () => {
      const count = counts[Math.min(reads, counts.length - 1)] ?? 0;
      reads += 1;
      return Promise.resolve(Response.json({ trace, exchanges: Array.from({ length: count }, () => exchange) }));
    };

    const result = await readBeaconRecords(origins, trace, fetchFn, { stableMs: 1, timeoutMs: 1000 });

    expect(result.ok).toBe(true);
    expect(result.ok && result.record.exchanges).toHaveLength(2);
    expect(reads).toBe(4);
  });

  test('stops at the timeout when nothing arrives', async () => {
    const fetchFn = () => Promise.resolve(Response.json({ trace, exchanges: [] }));

    const result = await readBeaconRecords(origins, trace, fetchFn, { stableMs: 5, timeoutMs: 20 });

    expect(result).toEqual({ ok: true, record: { trace, exchanges: [] } });
  });
});
