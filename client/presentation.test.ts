import { describe, expect, test } from 'vitest';

import { parsePresentation, presenterHref } from './presentation.ts';
import { scenarioById } from './test-catalog.ts';

function at(hash: string, search = '') {
  return parsePresentation({ hash, search });
}

describe('parsePresentation', () => {
  test('off without the flag', () => {
    expect(at('#/scenarios/missing-allow-origin/broken')).toBeUndefined();
  });

  test.each(['?present', '?present=1', '?present=true'])('%s in the hash turns it on', (query) => {
    expect(at(`#/scenarios/missing-allow-origin/broken${query}`)).toEqual({ playlist: [], unknownIds: [] });
  });

  test.each(['?present=0', '?present=false'])('%s turns it off', (query) => {
    expect(at(`#/${query}`)).toBeUndefined();
  });

  test('flag before the hash', () => {
    expect(at('#/', '?present')).toEqual({ playlist: [], unknownIds: [] });
  });

  test('playlist in order', () => {
    const presentation = at('#/?present&playlist=preflight-redirect,missing-allow-origin');

    expect(presentation?.playlist.map((scenario) => scenario.id)).toEqual([
      'preflight-redirect',
      'missing-allow-origin',
    ]);
  });

  test('unknown playlist ids are reported', () => {
    const presentation = at('#/?present&playlist=missing-allow-origin,,nope');

    expect(presentation?.playlist.map((scenario) => scenario.id)).toEqual(['missing-allow-origin']);
    expect(presentation?.unknownIds).toEqual(['nope']);
  });
});

describe('presenterHref', () => {
  test('round-trips the playlist', () => {
    const playlist = [scenarioById('preflight-redirect'), scenarioById('missing-allow-origin')];
    const href = presenterHref('missing-allow-origin', 'fixed', playlist);

    expect(href).toBe(
      '/#/scenarios/missing-allow-origin/fixed?present&playlist=preflight-redirect,missing-allow-origin',
    );
    expect(at(new URL(href, 'http://localhost:5173').hash)?.playlist).toEqual(playlist);
  });

  test('no playlist', () => {
    expect(presenterHref('missing-allow-origin', 'broken', [])).toBe(
      '/#/scenarios/missing-allow-origin/broken?present',
    );
  });
});
