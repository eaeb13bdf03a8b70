import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { responderFromExchanges, type RecordedHop } from './responders.ts';
import { apiOrigin, apiUrl, pageOrigin } from './test-helpers.ts';
import type { OutgoingRequest } from './types.ts';

function outgoing(method: string, url: string): OutgoingRequest {
  return {
    role: method === 'OPTIONS' ? 'preflight' : 'actual',
    hop: 0,
    method,
    url,
    origin: pageOrigin,
    headers: [],
    credentials: false,
  };
}

const acao: RecordedHop['responseHeaders'] = [['access-control-allow-origin', pageOrigin]];

describe('recorded responders', () => {
  // Recorded exchanges respond to the requests the evaluator sends, matched by method and URL.
  it('resolves path by server name', () => {
    const respond = responderFromExchanges(
      [{ server: 'api', method: 'GET', url: '/data', status: 200, responseHeaders: acao }],
      {
        origins: { api: apiOrigin },
      },
    );

    expect(respond(outgoing('GET', apiUrl))?.status).toBe(200);
  });

  it('accepts absolute URLs', () => {
    const respond = responderFromExchanges([{ method: 'GET', url: apiUrl, status: 204, responseHeaders: [] }]);

    expect(respond(outgoing('GET', apiUrl))?.status).toBe(204);
  });

  it('uses an exchange origin', () => {
    const respond = responderFromExchanges([
      { origin: apiOrigin, method: 'GET', url: '/data', status: 201, responseHeaders: [] },
    ]);

    expect(respond(outgoing('GET', apiUrl))?.status).toBe(201);
  });

  it('falls back to base origin', () => {
    const respond = responderFromExchanges([{ method: 'GET', url: '/data', status: 202, responseHeaders: [] }], {
      baseOrigin: apiOrigin,
    });

    expect(respond(outgoing('GET', apiUrl))?.status).toBe(202);
  });

  it('missing origin throws', () => {
    expect(() =>
      responderFromExchanges([{ server: 'nowhere', method: 'GET', url: '/data', status: 200, responseHeaders: [] }]),
    ).toThrow(
      /Recorded exchange 1 \(GET \/data\) has no origin to resolve against \(server 'nowhere' is not in origins\)/,
    );
  });

  it('repeats answer in arrival order', () => {
    const respond = responderFromExchanges([
      { method: 'GET', url: apiUrl, status: 302, responseHeaders: [] },
      { method: 'GET', url: apiUrl, status: 200, responseHeaders: [] },
    ]);

    expect(respond(outgoing('GET', apiUrl))?.status).toBe(302);
    expect(respond(outgoing('GET', apiUrl))?.status).toBe(200);
    expect(respond(outgoing('GET', apiUrl))).toBeUndefined();
  });

  it('method must match', () => {
    const respond = responderFromExchanges([{ method: 'OPTIONS', url: apiUrl, status: 204, responseHeaders: [] }]);

    expect(respond(outgoing('PUT', apiUrl))).toBeUndefined();
  });

  it('unmatched records are ignored', () => {
    const evaluation = evaluate(
      { origin: pageOrigin, url: 'http://proxy.test/data', method: 'GET' },
      responderFromExchanges([
        { method: 'GET', url: 'http://proxy.test/data', status: 200, responseHeaders: acao },
        { method: 'GET', url: apiUrl, status: 200, responseHeaders: [] },
      ]),
    );

    expect(evaluation.verdict).toBe('allowed');
    expect(evaluation.exchanges).toHaveLength(1);
  });

  it('unrecorded request is unanswered', () => {
    const evaluation = evaluate(
      { origin: pageOrigin, url: apiUrl, method: 'PUT' },
      responderFromExchanges([
        {
          method: 'OPTIONS',
          url: apiUrl,
          status: 204,
          responseHeaders: [...acao, ['access-control-allow-methods', 'PUT']],
        },
      ]),
    );

    expect(evaluation.outcome).toMatchObject({ kind: 'network-error', reason: 'no-response', stage: 'response' });
  });
});
