import { expect, test, vi } from 'vitest';

import { runAttempt, type Attempt } from './attempt.ts';
import { defaultOrigins, scenarioById } from './test-catalog.ts';

const origins = defaultOrigins;
const scenario = scenarioById('missing-allow-origin');
const trace = 'abcdefgh';
const url = 'http://localhost:8001/scenarios/missing-allow-origin/broken/data?trace=abcdefgh';
const recordsUrl = 'http://localhost:8001/__playground/records/abcdefgh';

test('reports each step in order', async () => {
  const record = { trace, exchanges: [] };
  const fetchFn = vi.fn((input: string) =>
    input === url ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(Response.json(record)),
  );
  const steps: Attempt[] = [];

  const attempt = await runAttempt(
    { scenario, variant: 'broken', origins, trace },
    (step) => steps.push(step),
    fetchFn,
  );

  expect(steps.map((step) => step.state)).toEqual(['running', 'running', 'done']);
  expect(steps[1]?.js).toEqual({ kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' });
  expect(attempt).toEqual({ trace, url, state: 'done', js: steps[1]?.js, records: record });
  expect(fetchFn.mock.calls.map(([input]) => input)).toEqual([url, recordsUrl]);
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
