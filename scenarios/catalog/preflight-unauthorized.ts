import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'preflight-unauthorized',
  title: 'Auth middleware answers the preflight with 401',
  category: 'preflight',
  story: 'The account page at {app} fetches the current user from {api}, sending a bearer token in Authorization.',
  explanation:
    'Authorization is not a safelisted header, so the browser sends a preflight first, and a preflight ' +
    'never carries the Authorization header. A hand-written middleware adds the CORS headers to every ' +
    'response but lets OPTIONS go on to the auth middleware, which finds no token and answers 401. The ' +
    'headers are right, but a preflight also needs an ok status (200 to 299), so the browser gives up and ' +
    'the GET with the token is never sent.',
  rule: 'A preflight must get a 2xx answer, so answer OPTIONS before any authentication runs.',
  fix: {
    summary:
      "Replace the hand-written headers with Hono's cors() middleware, registered before the auth " +
      'middleware. It answers the preflight itself with 204, and the real request still has to pass the ' +
      'token check.',
    diff: [
      { exchange: 'preflight', header: ':status', broken: '401', fixed: '204' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Methods', fixed: 'GET' },
      { exchange: 'preflight', header: 'WWW-Authenticate', broken: 'Bearer' },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    {
      title: 'MDN: Reason: CORS preflight response did not succeed',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSPreflightDidNotSucceed',
    },
  ],
  request: { path: '/me', headers: { Authorization: 'Bearer demo-token' } },
  broken: {
    middleware: [
      {
        kind: 'set-headers',
        headers: { 'Access-Control-Allow-Origin': '{app}', 'Access-Control-Allow-Headers': 'Authorization' },
      },
      { kind: 'require-authorization' },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightInvalidStatus',
      detail: {},
      fault: { exchange: 'preflight', status: true },
    },
    exchanges: [{ server: 'api', method: 'OPTIONS', status: 401 }],
  },
  fixed: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET'], allowHeaders: ['Authorization'] } },
      { kind: 'require-authorization' },
    ],
  },
});
