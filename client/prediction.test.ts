import { describe, expect, test } from 'vitest';

import type { Attempt } from './attempt.ts';
import { comparePrediction, hasAnswers, observe, score } from './prediction.ts';
import type { JsOutcome } from './send.ts';
import { recordedExchange, scenarioById } from './test-catalog.ts';

const rejected: JsOutcome = { kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' };
const ok: JsOutcome = { kind: 'response', status: 200, statusText: 'OK', headers: [], body: '{}' };

function attempt(js: JsOutcome | undefined, methods: readonly string[], state: Attempt['state'] = 'done'): Attempt {
  return {
    trace: 'abcdefgh',
    url: 'http://localhost:8001/x',
    state,
    js,
    records: {
      trace: 'abcdefgh',
      exchanges: methods.map((method, index) =>
        recordedExchange({ method, sequence: index + 1, status: method === 'OPTIONS' ? 401 : 200 }),
      ),
    },
  };
}

describe('observe', () => {
  test('preflight block: stage from catalog', () => {
    const scenario = scenarioById('preflight-unauthorized');

    const observation = observe(scenario, 'broken', attempt(rejected, ['OPTIONS']));

    expect(observation.blocked).toEqual({ value: true, source: 'attempt' });
    expect(observation.stage).toEqual({ value: 'preflight', source: 'catalog' });
    expect(observation.serverSeesActual).toEqual({ value: false, source: 'attempt' });
  });

  test('response block: server saw the request', () => {
    const scenario = scenarioById('missing-allow-origin');

    const observation = observe(scenario, 'broken', attempt(rejected, ['GET']));

    expect(observation.stage?.value).toBe('response');
    expect(observation.serverSeesActual?.value).toBe(true);
  });

  test('allowed request has no stage', () => {
    const scenario = scenarioById('missing-allow-origin');

    const observation = observe(scenario, 'fixed', attempt(ok, ['GET']));

    expect(observation.blocked?.value).toBe(false);
    expect(observation.stage).toBeUndefined();
  });

  test('running attempt observes nothing', () => {
    expect(observe(scenarioById('missing-allow-origin'), 'broken', attempt(undefined, [], 'running'))).toEqual({});
  });

  test('records not read: no server answer', () => {
    const observation = observe(
      scenarioById('missing-allow-origin'),
      'broken',
      attempt(rejected, [], 'records-failed'),
    );

    expect(observation.blocked?.value).toBe(true);
    expect(observation.serverSeesActual).toBeUndefined();
  });

  test('beacon verdict comes from the catalog', () => {
    const scenario = scenarioById('send-beacon-json');
    const expected = scenario.variants.broken.expected.exchanges.map((exchange) => exchange.method);
    const beaconAttempt: Attempt = {
      ...attempt({ kind: 'beacon', queued: true }, []),
      records: {
        trace: 'abcdefgh',
        exchanges: scenario.variants.broken.expected.exchanges.map((exchange, index) =>
          recordedExchange({ ...exchange, sequence: index + 1 }),
        ),
      },
    };

    const observation = observe(scenario, 'broken', beaconAttempt);

    expect(expected).toEqual(['OPTIONS']);
    expect(observation.blocked).toEqual({ value: true, source: 'catalog' });
  });
});

describe('comparePrediction', () => {
  const observation = observe(scenarioById('preflight-unauthorized'), 'broken', attempt(rejected, ['OPTIONS']));

  test('all right', () => {
    const rows = comparePrediction({ blocked: true, stage: 'preflight', serverSeesActual: false }, observation);

    expect(rows.map((row) => row.correct)).toEqual([true, true, true]);
    expect(score(rows)).toEqual({ right: 3, total: 3 });
  });

  test('wrong stage and server', () => {
    const rows = comparePrediction({ blocked: true, stage: 'response', serverSeesActual: true }, observation);

    expect(rows.find((row) => row.question === 'stage')).toMatchObject({
      predicted: 'At the response',
      observed: 'At the preflight',
      correct: false,
    });
    expect(score(rows)).toEqual({ right: 1, total: 3 });
  });

  test('unanswered questions are left out', () => {
    const rows = comparePrediction({ serverSeesActual: false }, observation);

    expect(rows.map((row) => row.question)).toEqual(['server-sees-actual']);
  });

  test('stage on an allowed request is wrong', () => {
    const allowed = observe(scenarioById('missing-allow-origin'), 'fixed', attempt(ok, ['GET']));

    const rows = comparePrediction({ blocked: true, stage: 'response' }, allowed);

    expect(rows.find((row) => row.question === 'stage')).toMatchObject({ observed: 'Not blocked', correct: false });
  });
});

describe('hasAnswers', () => {
  test('empty prediction', () => {
    expect(hasAnswers({})).toBe(false);
  });

  test('one answer', () => {
    expect(hasAnswers({ serverSeesActual: false })).toBe(true);
  });
});
