import { describe, expect, it } from 'vitest';

import { defineScenario, type ScenarioRow } from './define.ts';
import type { RequestInitiator } from './types.ts';

const blockedAtResponse = {
  verdict: 'blocked',
  stage: 'response',
  corsError: 'MissingAllowOriginHeader',
  detail: {},
  fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
} as const;

function row(initiator: RequestInitiator, fixedJs?: ScenarioRow['fixed']['js']): ScenarioRow {
  return {
    id: 'test-row',
    title: 'Test row',
    category: 'initiators',
    story: 'A page at {app}.',
    explanation: 'Because.',
    rule: 'A rule.',
    fix: { summary: 'Fix it.', diff: [] },
    references: [{ title: 'Fetch Standard', url: 'https://fetch.spec.whatwg.org/' }],
    request: { initiator },
    broken: { outcome: blockedAtResponse },
    fixed: fixedJs === undefined ? {} : { js: fixedJs },
  };
}

describe('defineScenario js defaults', () => {
  it.each<[RequestInitiator, unknown]>([
    ['fetch', { kind: 'type-error', message: 'Failed to fetch' }],
    ['xhr', { kind: 'error-event', text: 'error event (status 0)' }],
    ['image', { kind: 'error-event', text: 'error event' }],
    ['module-script', { kind: 'error-event', text: 'error event' }],
    ['event-source', { kind: 'error-event', text: 'error event (readyState 2)' }],
    ['beacon', { kind: 'beacon', queued: true }],
  ])('blocked %s reports its failure', (initiator, js) => {
    const fixedJs = { kind: 'loaded', text: 'load event' } as const;

    expect(defineScenario(row(initiator, fixedJs)).variants.broken.expected.js).toEqual(js);
  });

  it('allowed XHR reads the route response', () => {
    const scenario = defineScenario(row('xhr'));

    expect(scenario.variants.fixed.expected.js).toEqual({
      kind: 'response',
      status: 200,
      body: { message: 'Hello from the API' },
    });
  });

  it('allowed beacon is still only queued', () => {
    expect(defineScenario(row('beacon')).variants.fixed.expected.js).toEqual({ kind: 'beacon', queued: true });
  });

  it('allowed image needs an explicit js', () => {
    expect(() => defineScenario(row('image'))).toThrow(/initiator 'image' that is allowed must set js/);
  });
});

describe('defineScenario variant requests', () => {
  const base = row('fetch');

  it('applies what a variant changes in the request', () => {
    const scenario = defineScenario({ ...base, broken: {}, fixed: { request: { credentials: 'include' } } });

    expect(scenario.variants.broken.request.credentials).toBe('same-origin');
    expect(scenario.variants.fixed.request.credentials).toBe('include');
  });

  it('gives a no-cors request an opaque response and no preflight', () => {
    const scenario = defineScenario({
      ...base,
      request: { mode: 'no-cors', method: 'POST', headers: { 'X-Api-Key': 'k' } },
      broken: {},
      fixed: {},
    });

    expect(scenario.variants.broken.expected.js).toEqual({ kind: 'response', status: 0, body: '' });
    expect(scenario.variants.broken.expected.exchanges.map((exchange) => exchange.method)).toEqual(['POST']);
  });
});
