import { describe, expect, it } from 'vitest';
import { parseCacheControl, SharedCache, storability, type CacheRequest } from './cache-store.ts';

function request(headers: Record<string, string> = {}, url = '/prices?trace=abcdefgh'): CacheRequest {
  return { method: 'GET', url, headers: new Headers(headers) };
}

function response(headers: Record<string, string>, body = '{"price":10}', status = 200): Response {
  return new Response(body, { status, headers });
}

/** A cache on a clock the test moves by hand. */
function createCache(maxEntries = 10) {
  let now = 1_000_000;
  const cache = new SharedCache({ maxEntries, maxBodyBytes: 1024 }, () => now);
  return { cache, advance: (ms: number) => (now += ms) };
}

describe('SharedCache', () => {
  it('returns a stored response with its age', async () => {
    const { cache, advance } = createCache();
    await cache.store(request(), response({ 'Cache-Control': 'public, max-age=60' }));
    advance(5_000);

    const hit = cache.lookup(request());

    expect(hit?.status).toBe(200);
    expect(hit?.headers.get('Age')).toBe('5');
    expect(await hit?.text()).toBe('{"price":10}');
  });

  it('serves every origin one copy without Vary', async () => {
    const { cache } = createCache();
    await cache.store(
      request({ Origin: 'http://partner.localhost:8003' }),
      response({ 'Cache-Control': 'max-age=60', 'Access-Control-Allow-Origin': 'http://partner.localhost:8003' }),
    );

    const hit = cache.lookup(request({ Origin: 'http://localhost:5173' }));

    expect(hit?.headers.get('Access-Control-Allow-Origin')).toBe('http://partner.localhost:8003');
  });

  it('keeps one copy per Origin with Vary', async () => {
    const { cache } = createCache();
    const partner = 'http://partner.localhost:8003';
    const app = 'http://localhost:5173';
    await cache.store(
      request({ Origin: partner }),
      response({ 'Cache-Control': 'max-age=60', 'Access-Control-Allow-Origin': partner, Vary: 'Origin' }),
    );

    expect(cache.lookup(request({ Origin: app }))).toBeUndefined();
    expect(cache.lookup(request({ Origin: partner }))?.headers.get('Access-Control-Allow-Origin')).toBe(partner);

    await cache.store(
      request({ Origin: app }),
      response({ 'Cache-Control': 'max-age=60', 'Access-Control-Allow-Origin': app, Vary: 'Origin' }),
    );
    expect(cache.lookup(request({ Origin: app }))?.headers.get('Access-Control-Allow-Origin')).toBe(app);
    expect(cache.size).toBe(2);
  });

  it('treats a missing varied header as a value', async () => {
    const { cache } = createCache();
    await cache.store(request(), response({ 'Cache-Control': 'max-age=60', Vary: 'Origin' }));

    expect(cache.lookup(request())).toBeDefined();
    expect(cache.lookup(request({ Origin: 'http://localhost:5173' }))).toBeUndefined();
  });

  it('keys by the whole URL', async () => {
    const { cache } = createCache();
    await cache.store(request(), response({ 'Cache-Control': 'max-age=60' }));

    expect(cache.lookup(request({}, '/prices?trace=otherone'))).toBeUndefined();
  });

  it('stops serving a stale response', async () => {
    const { cache, advance } = createCache();
    await cache.store(request(), response({ 'Cache-Control': 'max-age=60' }));
    advance(60_000);

    expect(cache.lookup(request())).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('prefers s-maxage in a shared cache', async () => {
    const { cache, advance } = createCache();
    await cache.store(request(), response({ 'Cache-Control': 'max-age=1, s-maxage=60' }));
    advance(30_000);

    expect(cache.lookup(request())).toBeDefined();
  });

  it('evicts the least recently used', async () => {
    const { cache } = createCache(2);
    const cacheable = () => response({ 'Cache-Control': 'max-age=60' });
    await cache.store(request({}, '/a'), cacheable());
    await cache.store(request({}, '/b'), cacheable());
    cache.lookup(request({}, '/a'));
    await cache.store(request({}, '/c'), cacheable());

    expect(cache.lookup(request({}, '/a'))).toBeDefined();
    expect(cache.lookup(request({}, '/b'))).toBeUndefined();
    expect(cache.lookup(request({}, '/c'))).toBeDefined();
  });

  it('skips a body over the limit', async () => {
    const { cache } = createCache();

    const decision = await cache.store(request(), response({ 'Cache-Control': 'max-age=60' }, 'x'.repeat(2048)));

    expect(decision).toEqual({ stored: false, reason: 'the body has 2048 bytes, more than 1024' });
  });

  it('drops connection headers', async () => {
    const { cache } = createCache();
    await cache.store(request(), response({ 'Cache-Control': 'max-age=60', 'Keep-Alive': 'timeout=5' }));

    expect(cache.lookup(request())?.headers.get('Keep-Alive')).toBeNull();
  });
});

describe('storability', () => {
  it.each([
    ['no-store', { 'Cache-Control': 'no-store, max-age=60' }, 'Cache-Control has no-store'],
    ['private', { 'Cache-Control': 'private, max-age=60' }, 'Cache-Control has private'],
    ['Vary *', { 'Cache-Control': 'max-age=60', Vary: '*' }, 'Vary is *'],
    ['no lifetime', { 'Cache-Control': 'public' }, 'Cache-Control gives no max-age or s-maxage'],
    ['max-age 0', { 'Cache-Control': 'max-age=0' }, 'the response is fresh for 0 seconds'],
  ])('refuses %s', (_name, headers, reason) => {
    expect(storability(request(), response(headers))).toEqual({ stored: false, reason });
  });

  it('refuses a status other than 200', () => {
    const decision = storability(request(), response({ 'Cache-Control': 'max-age=60' }, '', 404));

    expect(decision).toEqual({ stored: false, reason: 'the status is 404, not 200' });
  });

  it('refuses another method', () => {
    const decision = storability({ ...request(), method: 'POST' }, response({ 'Cache-Control': 'max-age=60' }));

    expect(decision).toEqual({ stored: false, reason: 'the method is POST, not GET' });
  });

  it('stores Authorization only when public', () => {
    const authorized = request({ Authorization: 'Bearer x' });

    expect(storability(authorized, response({ 'Cache-Control': 'max-age=60' })).stored).toBe(false);
    expect(storability(authorized, response({ 'Cache-Control': 'public, max-age=60' })).stored).toBe(true);
  });
});

describe('parseCacheControl', () => {
  it('reads names, values and quotes', () => {
    const directives = parseCacheControl('Public, max-age="60", s-maxage=30, max-age=10');

    expect([...directives]).toEqual([
      ['public', undefined],
      ['max-age', '60'],
      ['s-maxage', '30'],
    ]);
  });
});
