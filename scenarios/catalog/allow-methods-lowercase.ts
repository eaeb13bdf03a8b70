import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'allow-methods-lowercase',
  title: 'Lowercase methods in Access-Control-Allow-Methods',
  category: 'preflight',
  story:
    'The order screen at {app} marks an order as shipped with a PUT to {api}. The server lists its methods in lowercase.',
  explanation:
    "Method names are case-sensitive. The browser normalizes the page's put to PUT, then looks for PUT in " +
    'Access-Control-Allow-Methods and finds only get, post and put. Only GET, HEAD and POST pass without ' +
    'being listed, so the PUT is never sent.',
  rule: 'Methods in Access-Control-Allow-Methods are compared case-sensitively: write PUT, not put.',
  fix: {
    summary: "Write the methods in uppercase in Hono's cors() allowMethods.",
    diff: [
      {
        exchange: 'preflight',
        header: 'Access-Control-Allow-Methods',
        broken: 'get,post,put',
        fixed: 'GET,POST,PUT',
      },
    ],
  },
  covers: ['allow-methods-lowercase'],
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
  ],
  request: { path: '/orders/42', method: 'PUT', body: 'status=shipped' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['get', 'post', 'put'] } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'MethodDisallowedByPreflightResponse',
      detail: { method: 'PUT' },
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Methods' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } }],
  },
});
