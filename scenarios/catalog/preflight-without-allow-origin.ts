import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'preflight-without-allow-origin',
  title: 'CORS headers only in the route handler',
  category: 'preflight',
  story:
    'The order screen at {app} marks an order as shipped with a PUT to {api}. The PUT handler sets ' +
    'Access-Control-Allow-Origin itself, and nothing answers OPTIONS.',
  explanation:
    'The PUT needs a preflight, and the handler that sets the header never sees it: there is no OPTIONS ' +
    'route, so the router answers 404 without any CORS header. Chromium checks Access-Control-Allow-Origin ' +
    'first and reports it missing on the preflight. The PUT is never sent.',
  rule: 'The preflight needs CORS headers of its own: answer OPTIONS, not only the route you call.',
  fix: {
    summary:
      "Use Hono's cors() middleware, which answers OPTIONS preflights for every path and adds the headers to " +
      'the actual responses.',
    diff: [
      { exchange: 'preflight', header: ':status', broken: '404', fixed: '204' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Methods', fixed: 'GET,POST,PUT' },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
  ],
  request: { path: '/orders/42', method: 'PUT', body: 'status=shipped' },
  broken: {
    response: { headers: { 'Access-Control-Allow-Origin': '{app}' } },
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightMissingAllowOriginHeader',
      detail: {},
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Origin' },
    },
    exchanges: [{ server: 'api', method: 'OPTIONS', status: 404 }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } }],
  },
});
