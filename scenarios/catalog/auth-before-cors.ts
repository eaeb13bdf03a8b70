import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'auth-before-cors',
  title: 'Auth middleware registered before cors()',
  category: 'preflight',
  story: 'The account page at {app} fetches the current user from {api}, sending a bearer token in Authorization.',
  explanation:
    'Authorization is not a safelisted header, so the browser sends a preflight first, and a preflight ' +
    'never carries the Authorization header. The auth middleware runs before cors(), finds no token and ' +
    'answers 401 with no CORS headers at all. Chromium checks Access-Control-Allow-Origin before the ' +
    "status, so its message blames the missing header, not the 401. The server log's 401 to OPTIONS is the " +
    'real clue.',
  rule: 'Register the CORS middleware before authentication, because a preflight never carries Authorization or cookies.',
  fix: {
    summary:
      "Register Hono's cors() middleware before the auth middleware. It answers the preflight with 204, " +
      'and the real request still has to pass the token check.',
    diff: [
      { exchange: 'preflight', header: ':status', broken: '401', fixed: '204' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Headers', fixed: 'Authorization' },
      { exchange: 'preflight', header: 'WWW-Authenticate', broken: 'Bearer' },
    ],
  },
  covers: ['layer-middleware-order'],
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    { title: 'Hono: CORS middleware', url: 'https://hono.dev/docs/middleware/builtin/cors' },
  ],
  request: { path: '/me', headers: { Authorization: 'Bearer demo-token' } },
  broken: {
    middleware: [
      { kind: 'require-authorization' },
      { kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['Authorization'] } },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightMissingAllowOriginHeader',
      detail: {},
      fault: { exchange: 'preflight', status: true },
    },
    exchanges: [{ server: 'api', method: 'OPTIONS', status: 401 }],
  },
  fixed: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['Authorization'] } },
      { kind: 'require-authorization' },
    ],
  },
});
