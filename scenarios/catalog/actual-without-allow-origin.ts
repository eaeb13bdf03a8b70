import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

export default defineScenario({
  id: 'actual-without-allow-origin',
  title: 'Preflight passes, the response lacks Access-Control-Allow-Origin',
  category: 'preflight',
  story:
    'The order screen at {app} marks an order as shipped with a PUT to {api}. A hand-written handler ' +
    'answers OPTIONS with the CORS headers; the PUT route sets none.',
  explanation:
    'The preflight passes, so the browser sends the PUT, and the server ships the order. Its response ' +
    'has no Access-Control-Allow-Origin, so the browser hides it and fetch() rejects. The change happened ' +
    'anyway: a blocked response does not mean the request did not run, so a retry would ship the order again.',
  rule: 'The actual response needs Access-Control-Allow-Origin too, not only the preflight.',
  fix: {
    summary: "Use Hono's cors() middleware, which adds the headers to the preflight and to every actual response.",
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
  ],
  request: { path: '/orders/42', method: 'PUT', body: 'status=shipped' },
  broken: {
    middleware: [
      {
        kind: 'answer-options',
        headers: { 'Access-Control-Allow-Origin': '{app}', 'Access-Control-Allow-Methods': 'PUT' },
      },
    ],
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } }],
  },
});
