import { defineScenario } from '../define.ts';
import type { ExpectedExchange } from '../types.ts';

/** Lets browsers and shared caches such as CDNs reuse the price list for a minute. */
const cacheable = { 'Cache-Control': 'public, max-age=60' };

const prices = { coffee: 3.2, tea: 2.9 };

/** A cache miss: the proxy forwards the request, and the API responds to it. */
const missed: readonly ExpectedExchange[] = [
  { server: 'proxy', method: 'GET', status: 200 },
  { server: 'api', method: 'GET', status: 200 },
];

export default defineScenario({
  id: 'vary-origin-shared-cache',
  title: 'A shared cache serves one origin the CORS headers of another',
  category: 'layers',
  story:
    'The shop at {app} and a partner page at {partner} both read the price list from the API through a CDN, ' +
    'played here by the caching proxy at {proxy}. The API echoes the Origin of either page in ' +
    'Access-Control-Allow-Origin and lets caches keep the answer for a minute. First a visitor of the partner ' +
    'page loads the prices, then a visitor of the shop: the page sends the same GET from a partner frame ' +
    'first, then from the shop, to the same URL.',
  explanation:
    "The partner's request misses the cache, so the API answers it with Access-Control-Allow-Origin: " +
    '{partner} and Cache-Control: public, max-age=60, and the cache stores that response under its URL. ' +
    'Nothing tells the cache that the answer depends on the Origin header, so it serves the same stored ' +
    "response to the shop (X-Cache: HIT, and the API sees no request). The shop's origin is not {partner}, " +
    'so the browser blocks the response. Which page wins depends on who asked first after the entry expired, ' +
    'which makes this failure come and go in production.',
  rule: 'A response whose CORS headers depend on Origin must say Vary: Origin, or a shared cache mixes origins up.',
  fix: {
    summary:
      'Add Vary: Origin to every response whose Access-Control-Allow-Origin depends on the request Origin, ' +
      "as Hono's cors() does for an allowlist. The cache then keeps one copy per Origin: the shop's request " +
      "misses, and the API answers it with the shop's own origin.",
    diff: [
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: '{partner}', fixed: '{app}' },
      { exchange: 'actual', header: 'X-Cache', broken: 'HIT', fixed: 'MISS' },
    ],
  },
  covers: ['layer-vary-shared-cache'],
  references: [
    {
      title: 'Fetch Standard: CORS protocol and HTTP caches',
      url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches',
    },
    { title: 'RFC 9111: HTTP Caching, section 4.1 (Vary)', url: 'https://www.rfc-editor.org/rfc/rfc9111#section-4.1' },
    { title: 'MDN: Vary', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Vary' },
  ],
  request: { target: 'proxy', path: '/prices' },
  broken: {
    middleware: [{ kind: 'echo-allowed-origin', allowed: ['{app}', '{partner}'], varyOrigin: false }],
    response: { body: prices, headers: cacheable },
    proxyCaches: true,
    earlierSends: [
      { page: { kind: 'frame', origin: '{partner}' }, outcome: { verdict: 'allowed' }, exchanges: missed },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'AllowOriginMismatch',
      detail: { value: '{partner}' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    },
    // A cache hit: the proxy responds from the cache, and the API records nothing.
    exchanges: [{ server: 'proxy', method: 'GET', status: 200 }],
  },
  fixed: {
    middleware: [{ kind: 'echo-allowed-origin', allowed: ['{app}', '{partner}'], varyOrigin: true }],
    response: { body: prices, headers: cacheable },
    proxyCaches: true,
    earlierSends: [
      { page: { kind: 'frame', origin: '{partner}' }, outcome: { verdict: 'allowed' }, exchanges: missed },
    ],
    exchanges: missed,
  },
});
