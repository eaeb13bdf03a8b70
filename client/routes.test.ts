import { describe, expect, test } from 'vitest';

import { findScenario } from '../scenarios/index.ts';
import { parseRoute, scenarioHref } from './routes.ts';

describe('parseRoute', () => {
  test.each(['', '#', '#/', '#//'])('%j is the list', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'list' });
  });

  test('scenario deep link', () => {
    const route = parseRoute('#/scenarios/missing-allow-origin/fixed');

    expect(route).toEqual({ kind: 'scenario', scenario: findScenario('missing-allow-origin'), variant: 'fixed' });
  });

  test('trailing slash is ignored', () => {
    expect(parseRoute('#/scenarios/missing-allow-origin/broken/').kind).toBe('scenario');
  });

  test('unknown scenario id', () => {
    expect(parseRoute('#/scenarios/no-such-thing/broken')).toEqual({ kind: 'unknown-scenario', id: 'no-such-thing' });
  });

  test('unknown variant', () => {
    const route = parseRoute('#/scenarios/missing-allow-origin/repaired');

    expect(route).toMatchObject({ kind: 'unknown-variant', variant: 'repaired' });
  });

  test('missing variant', () => {
    const route = parseRoute('#/scenarios/missing-allow-origin');

    expect(route).toMatchObject({ kind: 'unknown-variant', variant: '' });
  });

  test.each(['#/elsewhere', '#/scenarios', '#/scenarios/a/b/c', '#scenarios/missing-allow-origin/broken'])(
    '%j is an unknown path',
    (hash) => {
      expect(parseRoute(hash).kind).toBe('unknown-path');
    },
  );

  test('malformed percent-encoding', () => {
    expect(parseRoute('#/scenarios/%E0%A4%A/broken')).toEqual({ kind: 'unknown-scenario', id: '%E0%A4%A' });
  });
});

describe('scenarioHref', () => {
  test('round-trips through parseRoute', () => {
    const route = parseRoute(scenarioHref('preflight-redirect', 'broken'));

    expect(route).toMatchObject({ kind: 'scenario', variant: 'broken', scenario: { id: 'preflight-redirect' } });
  });
});
