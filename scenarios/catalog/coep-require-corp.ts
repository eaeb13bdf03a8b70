import { defineScenario } from '../define.ts';
import type { RawBody } from '../types.ts';

const badge: RawBody = {
  contentType: 'image/svg+xml',
  text: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><circle cx="4" cy="4" r="4" fill="#d83"/></svg>',
};

export default defineScenario({
  id: 'coep-require-corp',
  title: 'Cross-Origin-Embedder-Policy: require-corp blocks a resource without CORP',
  category: 'look-alikes',
  story:
    'The editor page at {api} needs SharedArrayBuffer, so it is served with Cross-Origin-Embedder-Policy: ' +
    "require-corp. It also loads the partner's status badge from {partner} with fetch(url, { mode: 'no-cors' }), " +
    'which worked until the policy was added.',
  explanation:
    'Under require-corp, every cross-origin resource the page loads without CORS must opt in with a ' +
    'Cross-Origin-Resource-Policy header. The badge has none, so Chromium treats it as same-origin only and ' +
    'drops the response after the partner has sent it: the partner logs a 200, and the page gets TypeError: ' +
    'Failed to fetch. The console says Failed to load resource: ' +
    'net::ERR_BLOCKED_BY_RESPONSE.NotSameOriginAfterDefaultedToSameOriginByCoep, with no "blocked by CORS ' +
    'policy" line, and the DevTools Issues panel lists a BlockedByResponseIssue, not a CORS issue. The ' +
    "policy belongs to the embedding page, but the fix is on the resource's server.",
  rule: 'A page with COEP require-corp loads a cross-origin no-cors resource only if it sends Cross-Origin-Resource-Policy.',
  fix: {
    summary:
      'Let the partner mark the badge as embeddable: Cross-Origin-Resource-Policy: cross-origin. Or load it in ' +
      'cors mode, which needs the partner to send Access-Control-Allow-Origin instead.',
    diff: [{ exchange: 'actual', header: 'Cross-Origin-Resource-Policy', fixed: 'cross-origin' }],
  },
  covers: ['coep'],
  references: [
    {
      title: 'HTML Standard: Cross-Origin-Embedder-Policy',
      url: 'https://html.spec.whatwg.org/multipage/browsers.html#coep',
    },
    {
      title: 'MDN: Cross-Origin-Embedder-Policy',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Cross-Origin-Embedder-Policy',
    },
    {
      title: 'web.dev: Making your website cross-origin isolated using COOP and COEP',
      url: 'https://web.dev/articles/coop-coep',
    },
    {
      title: 'web-platform-tests: html/cross-origin-embedder-policy',
      url: 'https://github.com/web-platform-tests/wpt/tree/master/html/cross-origin-embedder-policy',
    },
  ],
  request: {
    target: 'partner',
    mode: 'no-cors',
    path: '/badge.svg',
    page: { kind: 'frame', origin: '{api}' },
  },
  broken: {
    pageHeaders: { 'Cross-Origin-Embedder-Policy': 'require-corp' },
    response: { raw: badge },
    outcome: {
      verdict: 'blocked',
      cause: 'coep',
      consoleLines: [
        'Failed to load resource: net::ERR_BLOCKED_BY_RESPONSE.NotSameOriginAfterDefaultedToSameOriginByCoep',
      ],
      issue: { code: 'BlockedByResponseIssue', reason: 'CorpNotSameOriginAfterDefaultedToSameOriginByCoep' },
      fault: { exchange: 'actual', header: 'Cross-Origin-Resource-Policy' },
    },
    // A GET in no-cors mode carries no Origin header.
    exchanges: [{ server: 'partner', method: 'GET', status: 200, origin: 'absent' }],
  },
  fixed: {
    pageHeaders: { 'Cross-Origin-Embedder-Policy': 'require-corp' },
    middleware: [{ kind: 'set-headers', headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' } }],
    response: { raw: badge },
    exchanges: [{ server: 'partner', method: 'GET', status: 200, origin: 'absent' }],
    symptoms: [{ kind: 'response-type', value: 'opaque' }],
  },
});
