import { describe, expect, test } from 'vitest';

import { findOriginMismatch } from './page-origin.ts';

const appOrigin = 'http://localhost:5173';

function at(href: string) {
  const { origin, pathname, search, hash } = new URL(href);
  return { origin, pathname, search, hash };
}

describe('findOriginMismatch', () => {
  test.each([
    'http://localhost:5173/',
    'http://localhost:5173/#/scenarios/missing-allow-origin/broken',
    'http://LOCALHOST:5173/',
  ])('%s matches', (href) => {
    expect(findOriginMismatch(at(href), appOrigin)).toBeUndefined();
  });

  test('127.0.0.1 keeps the hash route', () => {
    const mismatch = findOriginMismatch(at('http://127.0.0.1:5173/#/scenarios/missing-allow-origin/fixed'), appOrigin);

    expect(mismatch).toEqual({
      actual: 'http://127.0.0.1:5173',
      expected: appOrigin,
      href: 'http://localhost:5173/#/scenarios/missing-allow-origin/fixed',
    });
  });

  test('another port mismatches', () => {
    expect(findOriginMismatch(at('http://localhost:5174/'), appOrigin)?.href).toBe('http://localhost:5173/');
  });

  test('another scheme mismatches', () => {
    expect(findOriginMismatch(at('https://localhost:5173/'), appOrigin)?.actual).toBe('https://localhost:5173');
  });

  test('keeps path and query', () => {
    expect(findOriginMismatch(at('http://127.0.0.1:5173/elsewhere?x=1'), appOrigin)?.href).toBe(
      'http://localhost:5173/elsewhere?x=1',
    );
  });

  test('app origin with a trailing slash', () => {
    expect(findOriginMismatch(at('http://localhost:5173/'), `${appOrigin}/`)).toBeUndefined();
  });
});
