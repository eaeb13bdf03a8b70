import { describe, expect, test } from 'vitest';

import { findScenario } from '../scenarios/index.ts';
import { labHref, listHref, parseRoute, progressHref, resolveLocation, scenarioHref } from './routes.ts';

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
      expect(parseRoute(hash)).toEqual({ kind: 'unknown-path', path: hash.replace(/\/+$/, '') });
    },
  );

  test('lab keeps its query', () => {
    expect(parseRoute('#/lab?case=eyJ2ZXJzaW9uIjoxfQ')).toEqual({ kind: 'lab', query: 'case=eyJ2ZXJzaW9uIjoxfQ' });
  });

  test.each(['#/lab', '#/lab/', '#/lab?'])('%j is the lab with no case', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'lab', query: '' });
  });

  test('malformed percent-encoding', () => {
    expect(parseRoute('#/scenarios/%E0%A4%A/broken')).toEqual({ kind: 'unknown-scenario', id: '%E0%A4%A' });
  });
});

/** Resolves a link the way the browser does, from a page at `from`. */
function follow(href: string, from = 'http://localhost:5173/elsewhere') {
  return resolveLocation(new URL(href, from));
}

describe('scenarioHref', () => {
  test('round-trips through resolveLocation', () => {
    const { route } = follow(scenarioHref('preflight-redirect', 'broken'));

    expect(route).toMatchObject({ kind: 'scenario', variant: 'broken', scenario: { id: 'preflight-redirect' } });
  });

  test('list link leads to the list', () => {
    expect(follow(listHref)).toEqual({ route: { kind: 'list' } });
  });
});

describe('resolveLocation', () => {
  function at(pathname: string, hash = '', search = '') {
    return resolveLocation({ pathname, search, hash });
  }

  test.each(['/', '/index.html'])('%s follows the hash', (pathname) => {
    expect(at(pathname, '#/scenarios/missing-allow-origin/fixed')).toEqual({
      route: { kind: 'scenario', scenario: findScenario('missing-allow-origin'), variant: 'fixed' },
    });
  });

  test('path form resolves like the hash', () => {
    expect(at('/scenarios/missing-allow-origin/broken')).toEqual({
      route: { kind: 'scenario', scenario: findScenario('missing-allow-origin'), variant: 'broken' },
      replacement: '/#/scenarios/missing-allow-origin/broken',
    });
  });

  test('path form keeps the query', () => {
    expect(at('/scenarios/missing-allow-origin/broken/', '', '?lang=en').replacement).toBe(
      '/?lang=en#/scenarios/missing-allow-origin/broken',
    );
  });

  test('path form replaces any hash', () => {
    expect(at('/scenarios/missing-allow-origin/fixed', '#/').route).toMatchObject({ variant: 'fixed' });
  });

  test('path form with unknown id', () => {
    expect(at('/scenarios/no-such-thing/broken')).toEqual({
      route: { kind: 'unknown-scenario', id: 'no-such-thing' },
      replacement: '/#/scenarios/no-such-thing/broken',
    });
  });

  test('path form without variant', () => {
    expect(at('/scenarios/missing-allow-origin').route).toMatchObject({ kind: 'unknown-variant', variant: '' });
  });

  test.each(['/elsewhere', '/scenarios', '/scenarios/a/b/c', '/client/'])('%s is an unknown path', (pathname) => {
    expect(at(pathname, '#/')).toEqual({ route: { kind: 'unknown-path', path: pathname } });
  });
});

describe('parseRoute with teaching pages and options', () => {
  test('progress page', () => {
    expect(parseRoute('#/progress')).toEqual({ kind: 'progress' });
  });

  test('query after the route is ignored', () => {
    const route = parseRoute('#/scenarios/missing-allow-origin/fixed?present&playlist=a,b');

    expect(route).toEqual({ kind: 'scenario', scenario: findScenario('missing-allow-origin'), variant: 'fixed' });
  });

  test('query on the list', () => {
    expect(parseRoute('#/?present')).toEqual({ kind: 'list' });
  });

  test('progressHref leads to the progress page', () => {
    expect(follow(progressHref)).toEqual({ route: { kind: 'progress' } });
  });

  test('labHref leads to the lab', () => {
    expect(follow(labHref)).toEqual({ route: { kind: 'lab', query: '' } });
  });
});
