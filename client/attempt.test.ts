import { expect, test, vi } from 'vitest';

import { attemptSettledMark, runAttempt, type Attempt } from './attempt.ts';
import { defaultOrigins, replayed, scenarioById } from './test-catalog.ts';

const origins = defaultOrigins;
const scenario = scenarioById('missing-allow-origin');
const trace = 'abcdefgh';
const url = 'http://localhost:8001/scenarios/missing-allow-origin/broken/data?trace=abcdefgh';
const recordsUrl = 'http://localhost:8001/__playground/records/abcdefgh';
const replayUrl = 'http://localhost:8001/__playground/replay/missing-allow-origin/broken';

test('reports each step in order', async () => {
  const record = { trace, exchanges: [] };
  const fetchFn = vi.fn((input: string) => {
    if (input === url) return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(Response.json(input === replayUrl ? replayed : record));
  });
  const steps: Attempt[] = [];

  const attempt = await runAttempt(
    { scenario, variant: 'broken', origins, trace },
    (step) => steps.push(step),
    fetchFn,
  );

  // The replay runs in parallel, so its step may come at any point, while the others keep their order.
  const mainSteps = steps.filter((step, index) => index === 0 || step.replay === steps[index - 1]?.replay);
  expect(mainSteps.map((step) => step.state)).toEqual(['running', 'running', 'done']);
  expect(mainSteps[1]?.js).toEqual({ kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' });
  expect(steps).toHaveLength(4);
  expect(attempt).toEqual({
    trace,
    url,
    state: 'done',
    js: mainSteps[1]?.js,
    records: record,
    replay: { ok: true, response: replayed },
  });
  expect(fetchFn.mock.calls.map(([input]) => input).sort()).toEqual([recordsUrl, replayUrl, url].sort());
});

test('marks when fetch() settles', async () => {
  performance.clearMarks(attemptSettledMark);
  const fetchFn = (input: string) =>
    Promise.resolve(Response.json(input === replayUrl ? replayed : { trace, exchanges: [] }));

  await runAttempt({ scenario, variant: 'broken', origins, trace }, () => {}, fetchFn);

  const marks = performance.getEntriesByName(attemptSettledMark) as PerformanceMark[];
  expect(marks.map((mark) => mark.detail as unknown)).toEqual([{ trace }]);
});

test('replay failure is kept beside the records', async () => {
  const fetchFn = (input: string) =>
    input === replayUrl
      ? Promise.reject(new TypeError('Failed to fetch'))
      : Promise.resolve(Response.json({ trace, exchanges: [] }));

  const attempt = await runAttempt({ scenario, variant: 'broken', origins, trace }, () => {}, fetchFn);

  expect(attempt.state).toBe('done');
  expect(attempt.replay).toEqual({
    ok: false,
    url: replayUrl,
    error: 'the request failed with TypeError: Failed to fetch',
  });
});

test('records failure keeps the JS result', async () => {
  const fetchFn = (input: string) =>
    input === url ? Promise.resolve(new Response('{}')) : Promise.reject(new TypeError('Failed to fetch'));

  const attempt = await runAttempt({ scenario, variant: 'broken', origins, trace }, () => {}, fetchFn);

  expect(attempt.state).toBe('records-failed');
  expect(attempt.js?.kind).toBe('response');
  expect(attempt.recordsError).toEqual({
    url: recordsUrl,
    error: 'the request failed with TypeError: Failed to fetch',
  });
});
