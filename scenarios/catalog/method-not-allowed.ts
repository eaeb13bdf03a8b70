import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'method-not-allowed',
  title: 'Preflight does not allow the method',
  category: 'preflight',
  story: 'The order screen at {app} marks an order as shipped with a PUT to {api}.',
  explanation:
    'PUT is not a CORS-safelisted method, so the browser first sends an OPTIONS preflight with ' +
    'Access-Control-Request-Method: PUT. The answer lists only GET and POST in Access-Control-Allow-Methods, ' +
    'so the browser stops there: the PUT is never sent and the order is not changed.',
  rule: "A method other than GET, HEAD or POST must be listed in the preflight response's Access-Control-Allow-Methods.",
  fix: {
    summary: "Add PUT to allowMethods in Hono's cors() middleware.",
    diff: [
      { exchange: 'preflight', header: 'Access-Control-Allow-Methods', broken: 'GET,POST', fixed: 'GET,POST,PUT' },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    {
      title: "MDN: Reason: Did not find method in CORS header 'Access-Control-Allow-Methods'",
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMethodNotFound',
    },
  ],
  request: { path: '/orders/42', method: 'PUT', body: 'status=shipped' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST'] } }],
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
