import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'header-not-allowed',
  title: 'Preflight does not allow Content-Type: application/json',
  category: 'preflight',
  story: 'The order form at {app} creates an order by POSTing JSON to {api}.',
  explanation:
    'A POST is safelisted, but Content-Type: application/json is not: only text/plain, ' +
    'application/x-www-form-urlencoded and multipart/form-data are. So the browser sends a preflight with ' +
    'Access-Control-Request-Headers: content-type. The answer allows only Authorization, so the browser ' +
    'never sends the POST.',
  rule: "Every request header that is not CORS-safelisted must be listed in the preflight response's Access-Control-Allow-Headers.",
  fix: {
    summary: "Add Content-Type to allowHeaders in Hono's cors() middleware.",
    diff: [
      {
        exchange: 'preflight',
        header: 'Access-Control-Allow-Headers',
        broken: 'Authorization',
        fixed: 'Authorization,Content-Type',
      },
    ],
  },
  covers: ['trigger-json-content-type'],
  references: [
    {
      title: 'Fetch Standard: CORS-safelisted request-header',
      url: 'https://fetch.spec.whatwg.org/#cors-safelisted-request-header',
    },
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    {
      title: 'MDN: Reason: header not allowed according to Access-Control-Allow-Headers',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowHeaderFromPreflight',
    },
  ],
  request: {
    path: '/orders',
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"item":"notebook","quantity":2}',
  },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['Authorization'] } }],
    response: { status: 201, body: { id: 43, item: 'notebook', quantity: 2 } },
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'HeaderDisallowedByPreflightResponse',
      detail: { header: 'content-type' },
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Headers' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['Authorization', 'Content-Type'] } }],
    response: { status: 201, body: { id: 43, item: 'notebook', quantity: 2 } },
  },
});
