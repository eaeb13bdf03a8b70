import { describe, expect, it } from 'vitest';
import { caseSchema, encodeAnswers, type CaseAnswersInput } from '../../scenarios/case/index.ts';
import { answersSchema } from '../../scenarios/case/schema.ts';
import { allowedGet, redirectChain } from '../../scenarios/case/test-cases.ts';
import { createTestServers, testOrigins } from '../test-servers.ts';

const { api } = testOrigins;

function encoded(answers: CaseAnswersInput): string {
  return encodeAnswers(answersSchema.parse(answers));
}

const allowed = encoded(allowedGet.answers);
const chain = encoded(redirectChain.answers);

describe('lab server', () => {
  it('answers as composed', async () => {
    const { apps } = createTestServers();

    const response = await apps.api.request(`${api}/lab/0/${allowed}`, { headers: { Origin: testOrigins.app } });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(testOrigins.app);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    expect(await response.text()).toBe('{"ok":true}');
  });

  it('answers a preflight with the preflight answer', async () => {
    const { apps } = createTestServers();

    const response = await apps.api.request(`${api}/lab/0/${chain}`, {
      method: 'OPTIONS',
      headers: { Origin: testOrigins.app, 'Access-Control-Request-Method': 'PUT' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toBe('PUT');
  });

  it('answers OPTIONS without a preflight header as the request', async () => {
    const { apps } = createTestServers();

    const response = await apps.api.request(`${api}/lab/1/${chain}`, { method: 'OPTIONS' });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('saved');
  });

  it('answers 404 to a preflight the case does not answer', async () => {
    const { apps } = createTestServers();

    const response = await apps.api.request(`${api}/lab/0/${allowed}`, {
      method: 'OPTIONS',
      headers: { Origin: testOrigins.app, 'Access-Control-Request-Method': 'PUT' },
    });

    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('redirects to the next hop on the composed server', async () => {
    const { apps } = createTestServers();

    const response = await apps.api.request(`${api}/lab/0/${chain}?trace=trace-redirect-1`, { method: 'PUT' });

    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${testOrigins.partner}/lab/1/${chain}?trace=trace-redirect-1`);
  });

  it('puts composed userinfo into the Location', async () => {
    const { apps } = createTestServers();
    const answers = encoded({
      redirects: [{ status: 302, location: { target: 'partner', userinfo: 'user:secret' } }],
      response: { status: 200 },
    });

    const response = await apps.api.request(`${api}/lab/0/${answers}`);

    expect(response.headers.get('location')).toBe(
      `${testOrigins.partner.replace('//', '//user:secret@')}/lab/1/${answers}`,
    );
  });

  it("answers a redirect target's preflight with its own answer", async () => {
    const { apps } = createTestServers();

    const response = await apps.partner.request(`${testOrigins.partner}/lab/1/${chain}`, {
      method: 'OPTIONS',
      headers: { Origin: 'null', 'Access-Control-Request-Method': 'PUT' },
    });

    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends a base64 body as bytes', async () => {
    const { apps } = createTestServers();
    const answers = encoded({ response: { status: 200, body: btoa('\u0000\u00ff'), bodyEncoding: 'base64' } });

    const response = await apps.api.request(`${api}/lab/0/${answers}`);

    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 255]);
  });

  it('records requests with a trace', async () => {
    const { apps, store } = createTestServers();

    await apps.proxy.request(`${testOrigins.proxy}/lab/0/${allowed}?trace=trace-lab-records`);

    const exchanges = store.get('trace-lab-records').exchanges;
    expect(exchanges.map((exchange) => [exchange.server, exchange.status])).toEqual([
      ['proxy', 200],
      ['api', 200],
    ]);
    expect(exchanges[0]?.responseHeaders).toContainEqual(['access-control-allow-origin', testOrigins.app]);
  });

  it('keeps nothing between requests', async () => {
    const { apps } = createTestServers();
    const other = encoded({ response: { status: 418 } });

    const first = await apps.api.request(`${api}/lab/0/${allowed}`);
    const second = await apps.api.request(`${api}/lab/0/${other}`);

    expect([first.status, second.status]).toEqual([200, 418]);
  });

  it.each([
    ['a hop above 20', `/lab/21/${allowed}`, 'Invalid hop'],
    ['a hop that is not a number', `/lab/x/${allowed}`, 'Invalid hop'],
    ['a hop past the response', `/lab/1/${allowed}`, 'the response is hop 0'],
    ['answers that are not base64url', '/lab/0/not+base64', 'not base64url'],
    ['answers that are not JSON', '/lab/0/bm90IGpzb24', 'does not hold valid JSON'],
    [
      'answers that break the format',
      `/lab/0/${btoa('{"response":{"status":99}}').replace(/=+$/, '')}`,
      'answers.response.status',
    ],
  ])('rejects %s', async (_title, path, words) => {
    const { apps } = createTestServers();

    const response = await apps.api.request(`${api}${path}`, { headers: { Origin: testOrigins.app } });
    const body = (await response.json()) as { error: string };

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(body.error).toContain(words);
    // The app can read the message, as for the playground's other errors.
    expect(response.headers.get('access-control-allow-origin')).toBe(testOrigins.app);
  });

  it('answers 400 with every issue listed', async () => {
    const { apps } = createTestServers();
    const bad = btoa(JSON.stringify({ response: { status: 200, headers: [['X Bad', 'a']] }, extra: 1 })).replace(
      /=+$/,
      '',
    );

    const response = await apps.api.request(`${api}/lab/0/${bad}`);
    const body = (await response.json()) as { issues: { path: string }[] };

    expect(response.status).toBe(400);
    expect(body.issues.map((issue) => issue.path)).toEqual(['answers.response.headers[0][0]', 'answers']);
  });

  it('never answers 500 to mangled answers', async () => {
    const { apps } = createTestServers();
    const valid = encoded(caseSchema.parse(redirectChain).answers);
    // A fixed sequence of mutations, so a failure reproduces.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

    for (let round = 0; round < 200; round += 1) {
      const characters = [...valid];
      for (let change = 0; change < 1 + (round % 4); change += 1) {
        characters[next() % characters.length] = alphabet[next() % alphabet.length]!;
      }
      const response = await apps.api.request(`${api}/lab/${round % 3}/${characters.join('')}`, {
        method: round % 2 === 0 ? 'GET' : 'OPTIONS',
        headers: { 'Access-Control-Request-Method': 'PUT' },
      });
      expect(response.status, `round ${round}`).toBeLessThan(500);
    }
  });
});
