import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'redirect-without-allow-origin',
  title: 'A redirect without CORS headers',
  category: 'redirects',
  story:
    'The dashboard at {app} reads figures from {api}/…/data. The API redirects every path without a ' +
    'trailing slash, and its redirect middleware runs before cors().',
  explanation:
    'The 301 comes from middleware that runs before cors(), so it carries no Access-Control-Allow-Origin. ' +
    'In cors mode the browser runs the CORS check on the redirect itself before following it, so it stops ' +
    'at the 301 and never requests the new URL. The message names the first URL, with no "redirected from".',
  rule: 'A cross-origin redirect must pass the CORS check too: send CORS headers on 3xx responses.',
  fix: {
    summary:
      "Register Hono's cors() before the redirect middleware, so the 301 carries the CORS headers and the " +
      'browser follows it. Better still, call the final URL directly.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  covers: ['redirect-without-cors-headers'],
  references: [
    { title: 'Fetch Standard: HTTP-redirect fetch', url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch' },
    { title: 'Fetch Standard: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
  ],
  broken: {
    middleware: [
      { kind: 'redirect-to-trailing-slash', status: 301 },
      { kind: 'cors', settings: { origin: ['{app}'] } },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'redirect',
      corsError: 'MissingAllowOriginHeader',
      detail: {},
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    },
    exchanges: [{ server: 'api', method: 'GET', status: 301 }],
  },
  fixed: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'] } },
      { kind: 'redirect-to-trailing-slash', status: 301 },
    ],
    exchanges: [
      { server: 'api', method: 'GET', status: 301 },
      { server: 'api', method: 'GET', status: 200 },
    ],
  },
});
