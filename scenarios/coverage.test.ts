import { describe, expect, expectTypeOf, it } from 'vitest';

import { chromiumCorsErrors, coverageMap, coverageProblems, type ChromiumCorsError } from './coverage.ts';
import { scenarios, type CorsError } from './index.ts';

describe('coverage map', () => {
  it('reproduces or explains every CORS error kind, initiator and topic', () => {
    expect(coverageProblems(coverageMap(scenarios))).toEqual([]);
  });

  it('knows every corsError the catalog expects as a Chromium enum value', () => {
    expectTypeOf<CorsError>().toExtend<ChromiumCorsError>();
    const known = new Set<string>(chromiumCorsErrors);
    for (const entry of coverageMap(scenarios)) {
      if (entry.group === 'cors-error') expect(known.has(entry.id)).toBe(true);
    }
  });

  it('lists Chromium 156 corsError values 0 to 24, once each', () => {
    expect(chromiumCorsErrors).toHaveLength(25);
    expect(new Set(chromiumCorsErrors).size).toBe(25);
    expect(chromiumCorsErrors[0]).toBe('DisallowedByMode');
    expect(chromiumCorsErrors[24]).toBe('LocalNetworkAccessPermissionDenied');
  });

  it('names an item that no scenario reproduces and nothing explains', () => {
    const problems = coverageProblems(coverageMap([]));
    expect(problems).toContain(
      "cors-error 'MissingAllowOriginHeader' has no scenario and no reason why it cannot be reproduced.",
    );
    expect(problems).toContain("look-alike 'mixed-content' has no scenario and no reason why it cannot be reproduced.");
    expect(problems.some((problem) => problem.includes("'InvalidResponse'"))).toBe(false);
  });

  it('reports a reason that a scenario has made stale', () => {
    const stale = { id: 'InvalidResponse', group: 'cors-error', title: 'InvalidResponse', scenarios: ['x'] } as const;
    expect(coverageProblems([{ ...stale, notReproducible: 'never seen' }])).toEqual([
      "cors-error 'InvalidResponse' is marked as not reproducible, but x reproduce it: remove the reason.",
    ]);
  });
});
