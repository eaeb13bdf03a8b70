import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'preflight-redirect',
  title: 'Preflight answered with a redirect',
  category: 'preflight',
  story:
    'The order screen at {app} sends a PUT to {api}/…/orders/42. The API canonicalises URLs by ' +
    'redirecting every path without a trailing slash, as many frameworks do.',
  explanation:
    'The PUT needs a preflight. The redirect middleware runs first and answers the OPTIONS request with ' +
    '308 to the same path with a slash. The browser never follows a redirect on a preflight, so the PUT ' +
    'is never sent. The same happens with http-to-https and login redirects.',
  rule: 'A preflight must be answered directly with a 2xx status; a redirect fails it.',
  fix: {
    summary:
      'Serve the API at the URL the client calls instead of redirecting it, so cors() answers the preflight. ' +
      'Where the redirect must stay, change the client to call the canonical URL.',
    diff: [
      { exchange: 'preflight', header: ':status', broken: '308', fixed: '204' },
      { exchange: 'preflight', header: 'Location', broken: '/scenarios/preflight-redirect/broken/orders/42/' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Methods', fixed: 'GET,POST,PUT' },
    ],
  },
  covers: ['redirect-preflight'],
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    {
      title: 'MDN: Reason: CORS request external redirect not allowed',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSExternalRedirectNotAllowed',
    },
  ],
  request: { path: '/orders/42', method: 'PUT', body: 'status=shipped' },
  broken: {
    middleware: [
      { kind: 'redirect-to-trailing-slash', status: 308 },
      { kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightDisallowedRedirect',
      detail: {},
      fault: { exchange: 'preflight', status: true },
    },
    exchanges: [{ server: 'api', method: 'OPTIONS', status: 308 }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } }],
  },
});
