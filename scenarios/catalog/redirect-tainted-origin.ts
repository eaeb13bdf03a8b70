import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'redirect-tainted-origin',
  title: 'A redirect to a third origin sends Origin: null',
  category: 'redirects',
  story:
    'The dashboard at {app} loads the latest report from {api}/…/data. Reports now live on a partner storage ' +
    'service at {partner}, and the API redirects there with 302. Both servers set ' +
    'Access-Control-Allow-Origin: {app} by hand.',
  explanation:
    'The 302 from {api} carries Access-Control-Allow-Origin: {app}, so the browser follows it. The redirect ' +
    "leads from one cross-origin server to another, which taints the request's origin, so the browser sends " +
    'Origin: null to {partner}. The partner sends Access-Control-Allow-Origin: {app}, which is not null, and the browser blocks the ' +
    'response. The console message names {app} as the origin, because it prints the page origin, and only ' +
    "the partner's record shows that the header on the wire was null.",
  rule: 'After a redirect between two other origins, the request origin is null: the final response must allow it.',
  fix: {
    summary:
      'The report is public and the request carries no credentials, so the storage service can send ' +
      'Access-Control-Allow-Origin: *, which matches any origin, null included. Do not send null itself, because ' +
      'every sandboxed iframe and file: page sends it too. With credentials, avoid the second origin: serve the ' +
      'report from the API, or give the page the storage URL to call directly.',
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: '{app}', fixed: '*' }],
  },
  covers: ['redirect-tainted-origin'],
  references: [
    {
      title: 'Fetch Standard: serializing a request origin',
      url: 'https://fetch.spec.whatwg.org/#serializing-a-request-origin',
    },
    { title: 'Fetch Standard: HTTP-redirect fetch', url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch' },
    {
      title: 'web-platform-tests: fetch/api/cors/cors-redirect.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/cors/cors-redirect.any.js',
    },
  ],
  broken: {
    middleware: [
      { kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}' } },
      { kind: 'redirect-to-server', server: 'partner', status: 302 },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'AllowOriginMismatch',
      detail: { value: '{app}' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
      redirectedTo: 'partner',
    },
    exchanges: [
      { server: 'api', method: 'GET', status: 302 },
      { server: 'partner', method: 'GET', status: 200, origin: 'null' },
    ],
  },
  fixed: {
    middleware: [
      { kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '*' } },
      { kind: 'redirect-to-server', server: 'partner', status: 302 },
    ],
    exchanges: [
      { server: 'api', method: 'GET', status: 302 },
      { server: 'partner', method: 'GET', status: 200, origin: 'null' },
    ],
  },
});
