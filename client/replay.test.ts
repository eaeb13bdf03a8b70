import { expect, test } from 'vitest';

import { readReplay, replayUrl } from './replay.ts';
import { defaultOrigins as origins, replayed } from './test-catalog.ts';

const url = 'http://localhost:8001/__playground/replay/missing-allow-origin/broken';

test('replayUrl names scenario and variant', () => {
  expect(replayUrl(origins, 'missing-allow-origin', 'broken')).toBe(url);
});

test('reads a replay result', async () => {
  const result = await readReplay(origins, 'missing-allow-origin', 'broken', (input) =>
    Promise.resolve(Response.json(input === url ? replayed : {})),
  );

  expect(result).toEqual({ ok: true, response: replayed });
});

test.each([
  [
    'server error message',
    () => Response.json({ error: 'Unknown scenario id "x".' }, { status: 404 }),
    'the server answered 404: Unknown scenario id "x".',
  ],
  ['body that is not JSON', () => new Response('<html>', { status: 502 }), /^the server answered 502 with a body/],
  [
    'body of another shape',
    () => Response.json({ status: 200 }),
    'the response is not a replay result: expected { status, headers, body, … }',
  ],
])('reports a %s', async (_case, respond, error) => {
  const result = await readReplay(origins, 'missing-allow-origin', 'broken', () => Promise.resolve(respond()));

  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.url).toBe(url);
    expect(result.error).toMatch(error);
  }
});

test('reports a failed request', async () => {
  const result = await readReplay(origins, 'missing-allow-origin', 'broken', () =>
    Promise.reject(new TypeError('Failed to fetch')),
  );

  expect(result).toEqual({ ok: false, url, error: 'the request failed with TypeError: Failed to fetch' });
});
