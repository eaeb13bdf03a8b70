import { describe, expect, test } from 'vitest';

import {
  exchangeRole,
  findFaultExchange,
  requestHeaderRows,
  responseHeaderRows,
  summarizeServers,
} from './exchanges.ts';
import { recordedExchange } from './test-catalog.ts';

const preflight = recordedExchange({ method: 'OPTIONS', status: 204, sequence: 1 });
const put = recordedExchange({ method: 'PUT', sequence: 2 });
const viaProxy = recordedExchange({ server: 'proxy', sequence: 1 });
const behindProxy = recordedExchange({ server: 'api', sequence: 2 });

describe('exchangeRole', () => {
  test.each([
    ['OPTIONS', 'preflight'],
    ['options', 'preflight'],
    ['GET', 'actual'],
    ['PUT', 'actual'],
  ])('%s is %s', (method, role) => {
    expect(exchangeRole({ method })).toBe(role);
  });
});

describe('findFaultExchange', () => {
  test('preflight fault finds OPTIONS', () => {
    expect(findFaultExchange([preflight, put], { exchange: 'preflight', status: true }, 'api')).toBe(preflight);
  });

  test('actual fault finds the request', () => {
    expect(findFaultExchange([preflight, put], { exchange: 'actual', header: 'X' }, 'api')).toBe(put);
  });

  test('prefers the target server', () => {
    const fault = { exchange: 'actual', header: 'Access-Control-Allow-Origin' } as const;

    expect(findFaultExchange([viaProxy, behindProxy], fault, 'proxy')).toBe(viaProxy);
  });

  test('absent exchange gives undefined', () => {
    expect(findFaultExchange([preflight], { exchange: 'actual', header: 'X' }, 'api')).toBeUndefined();
  });
});

describe('responseHeaderRows', () => {
  test('marks every line of the faulty header', () => {
    const duplicated = recordedExchange({
      responseHeaders: [
        ['access-control-allow-origin', 'http://localhost:5173'],
        ['content-type', 'application/json'],
        ['access-control-allow-origin', 'http://localhost:5173'],
      ],
    });

    const rows = responseHeaderRows(duplicated, 'Access-Control-Allow-Origin');

    expect(rows.map((row) => row.fault)).toEqual([true, false, true]);
  });

  test('adds a row for a missing header', () => {
    const rows = responseHeaderRows(recordedExchange({ responseHeaders: [['content-type', 'text/plain']] }), 'Vary');

    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({ name: 'Vary', fault: true, cors: false });
  });

  test('marks nothing without a fault', () => {
    const rows = responseHeaderRows(recordedExchange({ responseHeaders: [['vary', 'Origin']] }));

    expect(rows).toEqual([{ name: 'vary', value: 'Origin', fault: false, cors: false }]);
  });
});

describe('requestHeaderRows', () => {
  test('marks the CORS request headers', () => {
    const rows = requestHeaderRows(
      recordedExchange({
        requestHeaders: [
          ['host', 'localhost:8001'],
          ['origin', 'http://localhost:5173'],
          ['access-control-request-method', 'PUT'],
          ['access-control-request-headers', 'content-type'],
        ],
      }),
    );

    expect(rows.map((row) => row.cors)).toEqual([false, true, true, true]);
  });
});

describe('summarizeServers', () => {
  test.each([
    [[], 'nothing'],
    [[preflight], 'preflight-only'],
    [[put], 'actual-only'],
    [[preflight, put], 'preflight-and-actual'],
  ] as const)('case %#: %s', (exchanges, reach) => {
    expect(summarizeServers(exchanges, ['api'])).toEqual([{ server: 'api', reach }]);
  });

  test('keeps the given server order', () => {
    const summary = summarizeServers([viaProxy, behindProxy], ['proxy', 'api', 'partner']);

    expect(summary).toEqual([
      { server: 'proxy', reach: 'actual-only' },
      { server: 'api', reach: 'actual-only' },
      { server: 'partner', reach: 'nothing' },
    ]);
  });
});
