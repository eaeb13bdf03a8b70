import { describe, expect, test } from 'vitest';

import { categoryOrder, scenarios } from '../scenarios/index.ts';
import type { Attempt } from './attempt.ts';
import { courseChapters, courseCounts, coursePath, nextToLearn, recordAttempt, stepAlong } from './curriculum.ts';
import { ProgressStore } from './progress.ts';
import { recordedExchange, scenarioById } from './test-catalog.ts';

describe('courseChapters', () => {
  test('follow the category order', () => {
    const order = courseChapters().map((chapter) => chapter.category);

    expect(order).toEqual(categoryOrder.filter((category) => order.includes(category)));
  });

  test('path holds every scenario once', () => {
    const ids = coursePath().map((scenario) => scenario.id);

    expect(new Set(ids).size).toBe(scenarios.length);
  });

  test('empty categories are left out', () => {
    const chapters = courseChapters([scenarioById('missing-allow-origin')]);

    expect(chapters).toEqual([{ category: 'allow-origin', scenarios: [scenarioById('missing-allow-origin')] }]);
  });
});

describe('stepAlong', () => {
  const path = coursePath();

  test('next and previous', () => {
    const second = path[1]!;

    expect(stepAlong(path, second.id, 1)).toBe(path[2]);
    expect(stepAlong(path, second.id, -1)).toBe(path[0]);
  });

  test('past either end', () => {
    expect(stepAlong(path, path[0]!.id, -1)).toBeUndefined();
    expect(stepAlong(path, path.at(-1)!.id, 1)).toBeUndefined();
  });

  test('unknown id', () => {
    expect(stepAlong(path, 'no-such-scenario', 1)).toBeUndefined();
  });
});

describe('progress over the path', () => {
  const path = coursePath();

  test('next to learn skips fixed scenarios', () => {
    expect(nextToLearn(path, { [path[0]!.id]: { seen: true, predicted: false, fixed: true, prompted: [] } })).toBe(
      path[1],
    );
  });

  test('counts each mark', () => {
    const progress = { [path[0]!.id]: { seen: true, predicted: true, fixed: false, prompted: [] } };

    expect(courseCounts(path, progress)).toEqual({ total: path.length, seen: 1, predicted: 1, fixed: 0 });
  });
});

describe('recordAttempt', () => {
  const scenario = scenarioById('missing-allow-origin');

  function finished(js: Attempt['js']): Attempt {
    return {
      trace: 'abcdefgh',
      url: 'u',
      state: 'done',
      js,
      records: { trace: 'abcdefgh', exchanges: [recordedExchange()] },
    };
  }
  const allowed: Attempt['js'] = { kind: 'response', status: 200, statusText: 'OK', headers: [], body: '{}' };

  test('allowed fixed variant marks fixed', () => {
    const store = new ProgressStore(undefined);

    recordAttempt(store, scenario, 'fixed', finished(allowed));

    expect(store.get(scenario.id).fixed).toBe(true);
  });

  test('broken variant never marks fixed', () => {
    const store = new ProgressStore(undefined);

    recordAttempt(store, scenario, 'broken', finished(allowed));

    expect(store.get(scenario.id).fixed).toBe(false);
  });

  test('blocked fixed variant does not mark fixed', () => {
    const store = new ProgressStore(undefined);

    recordAttempt(
      store,
      scenario,
      'fixed',
      finished({ kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' }),
    );

    expect(store.get(scenario.id).fixed).toBe(false);
  });
});
