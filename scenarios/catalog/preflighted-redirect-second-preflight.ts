import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'preflighted-redirect-second-preflight',
  title: 'A redirected PUT is preflighted again with Origin: null',
  category: 'redirects',
  story:
    'The survey widget at {app} saves answers with a PUT to {api}/…/answers/42. Answers moved to a partner ' +
    'service at {partner}, so the API redirects every request there with 307. Both run the same CORS code, ' +
    'written by hand, which allows exactly {app}.',
  explanation:
    'The preflight to {api} passes, and the PUT gets a 307 that carries Access-Control-Allow-Origin: {app}, so ' +
    'the browser follows it. That redirect leads from one cross-origin server to another, which taints the ' +
    "request's origin: from now on the browser sends Origin: null. A PUT needs permission at every new origin, " +
    'so Chromium sends a second preflight, to {partner}, with Origin: null. The partner allows only {app}, which is ' +
    'not null, so the preflight fails and the PUT never reaches the partner. The console names {app} as the ' +
    "origin all the same: only the servers' records show the null that crossed the wire.",
  rule: 'After a redirect between two other origins, the request origin is null: every later preflight and response must allow it.',
  fix: {
    summary:
      'The answers are anonymous, so the partner can allow any origin with Access-Control-Allow-Origin: *, which ' +
      'also matches null. With credentials no safe value exists: do not redirect across origins, but have the ' +
      'API forward the PUT to the partner itself, or let the page call {partner} directly.',
    diff: [
      { exchange: 'preflight', header: 'Access-Control-Allow-Origin', broken: '{app}', fixed: '*' },
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: '{app}', fixed: '*' },
    ],
  },
  covers: ['redirect-second-preflight'],
  references: [
    { title: 'Fetch Standard: HTTP-redirect fetch', url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch' },
    {
      title: 'Fetch Standard: serializing a request origin',
      url: 'https://fetch.spec.whatwg.org/#serializing-a-request-origin',
    },
    {
      title: 'web-platform-tests: fetch/api/cors/cors-redirect-preflight.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/cors/cors-redirect-preflight.any.js',
    },
  ],
  request: { path: '/answers/42', method: 'PUT', body: 'rating=5' },
  broken: {
    middleware: [
      {
        kind: 'answer-options',
        headers: { 'Access-Control-Allow-Origin': '{app}', 'Access-Control-Allow-Methods': 'PUT' },
      },
      { kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}' } },
      { kind: 'redirect-to-server', server: 'partner', status: 307 },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightAllowOriginMismatch',
      detail: { value: '{app}' },
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Origin' },
      redirectedTo: 'partner',
    },
    exchanges: [
      { server: 'api', method: 'OPTIONS', status: 204 },
      { server: 'api', method: 'PUT', status: 307 },
      { server: 'partner', method: 'OPTIONS', status: 204, origin: 'null' },
    ],
  },
  fixed: {
    middleware: [
      {
        kind: 'answer-options',
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' },
      },
      { kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '*' } },
      { kind: 'redirect-to-server', server: 'partner', status: 307 },
    ],
    exchanges: [
      { server: 'api', method: 'OPTIONS', status: 204 },
      { server: 'api', method: 'PUT', status: 307 },
      { server: 'partner', method: 'OPTIONS', status: 204, origin: 'null' },
      { server: 'partner', method: 'PUT', status: 200, origin: 'null' },
    ],
  },
});
