import { describe, expect, it } from 'vitest';

import { defaultOrigins, scenarioById } from '../test-catalog.ts';
import { planExercise } from './exercise-plan.ts';

function plan(id: string) {
  return planExercise(scenarioById(id), defaultOrigins);
}

describe('planExercise', () => {
  it('offers the broken and fixed answers of a header fix', () => {
    const result = plan('missing-allow-origin');

    expect(result.kind).toBe('exercise');
    if (result.kind !== 'exercise') return;
    expect(result.broken.request).toEqual(result.fixed.request);
    expect(result.broken.answers).not.toEqual(result.fixed.answers);
  });

  // Each row is a reason from the catalog's data, not from the scenario's id.
  it.each([
    ['method-case-patch', /the fix is on the page.*the method/],
    ['vary-origin-shared-cache', /several sends with a cache/],
    ['send-beacon-json', /sendBeacon\(\) tells the page nothing/],
    ['reflected-origin-with-credentials', /request is refused too/],
    ['expose-headers-missing', /already lets the broken variant's request through/],
    ['server-down', /send the same answers/],
  ])('says why %s has no exercise', (id, reason) => {
    const result = plan(id);

    expect(result.kind).toBe('not-applicable');
    if (result.kind === 'not-applicable') expect(result.reason).toMatch(reason);
  });
});
