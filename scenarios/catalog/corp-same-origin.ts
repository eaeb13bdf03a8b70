import { defineScenario } from '../define.ts';
import type { RawBody } from '../types.ts';

const logo: RawBody = {
  contentType: 'image/svg+xml',
  text: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#2a6"/></svg>',
};

export default defineScenario({
  id: 'corp-same-origin',
  title: 'Cross-Origin-Resource-Policy: same-origin on a no-cors fetch',
  category: 'look-alikes',
  story:
    "The offline page at {app} keeps the API's logo for offline use: it calls fetch(url, { mode: 'no-cors' }) " +
    "and puts the opaque response in a Cache. The API recently added Hono's secureHeaders(), and since then " +
    'the fetch rejects with "Failed to fetch".',
  explanation:
    'secureHeaders() sends Cross-Origin-Resource-Policy: same-origin by default, which tells the browser that ' +
    "only pages on the API's own origin may load the response in no-cors mode. {app} is another origin, so " +
    'Chromium drops the response after the server has sent it: the API logs a 200, and the page gets ' +
    'TypeError: Failed to fetch. The console says Failed to load resource: net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin, ' +
    'with no "blocked by CORS policy" line, and the DevTools Issues panel lists a BlockedByResponseIssue ' +
    '(CorpNotSameOrigin), not a CORS issue. CORS headers cannot help: a no-cors request never reads them, and ' +
    'CORP does not apply to a request in cors mode at all.',
  rule: 'Cross-Origin-Resource-Policy decides which origins may load a response without CORS; CORS headers do not change it.',
  fix: {
    summary:
      'Relax the policy to what the resource needs: {app} and {api} share the site http://localhost, so ' +
      "Cross-Origin-Resource-Policy: same-site is enough (secureHeaders({ crossOriginResourcePolicy: 'same-site' })). " +
      'Use cross-origin for a resource any site may embed.',
    diff: [{ exchange: 'actual', header: 'Cross-Origin-Resource-Policy', broken: 'same-origin', fixed: 'same-site' }],
  },
  covers: ['corp'],
  references: [
    {
      title: 'Fetch Standard: Cross-Origin-Resource-Policy header',
      url: 'https://fetch.spec.whatwg.org/#cross-origin-resource-policy-header',
    },
    {
      title: 'MDN: Cross-Origin-Resource-Policy',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Resource-Policy',
    },
    { title: 'Hono: Secure Headers middleware', url: 'https://hono.dev/docs/middleware/builtin/secure-headers' },
    {
      title: 'web-platform-tests: fetch/cross-origin-resource-policy',
      url: 'https://github.com/web-platform-tests/wpt/tree/master/fetch/cross-origin-resource-policy',
    },
  ],
  request: { mode: 'no-cors', path: '/logo.svg' },
  broken: {
    middleware: [{ kind: 'set-headers', headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } }],
    response: { raw: logo },
    outcome: {
      verdict: 'blocked',
      cause: 'corp',
      consoleLines: ['Failed to load resource: net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin'],
      issue: { code: 'BlockedByResponseIssue', reason: 'CorpNotSameOrigin' },
      fault: { exchange: 'actual', header: 'Cross-Origin-Resource-Policy' },
    },
    // A GET in no-cors mode carries no Origin header.
    exchanges: [{ server: 'api', method: 'GET', status: 200, origin: 'absent' }],
  },
  fixed: {
    middleware: [{ kind: 'set-headers', headers: { 'Cross-Origin-Resource-Policy': 'same-site' } }],
    response: { raw: logo },
    exchanges: [{ server: 'api', method: 'GET', status: 200, origin: 'absent' }],
    symptoms: [{ kind: 'response-type', value: 'opaque' }],
  },
});
