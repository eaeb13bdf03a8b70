import { describe, expect, it } from 'vitest';

import type { CaseAnswers } from '../../scenarios/case/index.ts';
import { defaultOrigins } from '../test-catalog.ts';
import { compareWithReference, matchesReference } from './header-comparison.ts';

function answers(headers: [string, string][], preflight?: [string, string][]): CaseAnswers {
  return {
    ...(preflight !== undefined && { preflight: { status: 204, headers: preflight } }),
    redirects: [],
    response: { status: 200, headers },
  };
}

describe('compareWithReference', () => {
  it('marks same, different and missing headers', () => {
    const yours = answers([
      ['access-control-allow-origin', '*'],
      ['Content-Type', 'text/plain'],
      ['X-Extra', '1'],
    ]);
    const reference = answers([
      ['Access-Control-Allow-Origin', '{app}'],
      ['Content-Type', 'text/plain'],
      ['Vary', 'Origin'],
    ]);

    const [response] = compareWithReference(yours, reference, defaultOrigins);

    expect(response?.rows.map((row) => [row.name, row.match])).toEqual([
      ['Access-Control-Allow-Origin', 'different'],
      ['Content-Type', 'same'],
      ['Vary', 'only-reference'],
      ['X-Extra', 'only-yours'],
    ]);
  });

  it('joins repeated headers as the browser reads them', () => {
    const yours = answers([
      ['Access-Control-Allow-Origin', '{app}'],
      ['Access-Control-Allow-Origin', '{app}'],
    ]);
    const reference = answers([['Access-Control-Allow-Origin', '{app}']]);

    const [response] = compareWithReference(yours, reference, defaultOrigins);

    expect(response?.rows).toEqual([
      {
        name: 'Access-Control-Allow-Origin',
        yours: `${defaultOrigins.app}, ${defaultOrigins.app}`,
        reference: defaultOrigins.app,
        match: 'different',
      },
    ]);
  });

  it('compares a preflight that only one side answers', () => {
    const hops = compareWithReference(
      answers([]),
      answers([], [['Access-Control-Allow-Origin', '{app}']]),
      defaultOrigins,
    );

    expect(hops.map((hop) => hop.hop)).toEqual(['Preflight (OPTIONS)', 'Response']);
    expect(hops[0]?.yourStatus).toBeUndefined();
    expect(matchesReference(hops)).toBe(false);
  });

  it('matches an origin written out with its template', () => {
    const yours = answers([['Access-Control-Allow-Origin', defaultOrigins.app]]);
    const reference = answers([['Access-Control-Allow-Origin', '{app}']]);

    expect(matchesReference(compareWithReference(yours, reference, defaultOrigins))).toBe(true);
  });

  it('finds equal answers matching', () => {
    const value = answers([['Access-Control-Allow-Origin', '{app}']], [['Access-Control-Allow-Methods', 'PUT']]);

    expect(matchesReference(compareWithReference(value, value, defaultOrigins))).toBe(true);
  });
});
