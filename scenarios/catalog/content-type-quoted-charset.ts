import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'content-type-quoted-charset',
  title: 'A quoted charset makes text/plain need a preflight',
  category: 'preflight-triggers',
  story:
    'The notes app at {app} POSTs plain text to {api} with Content-Type: text/plain; charset="utf-8". The ' +
    'server answers simple requests with Access-Control-Allow-Origin and has no preflight handling.',
  explanation:
    'text/plain is a safelisted Content-Type, but only when the value contains no CORS-unsafe byte, and the ' +
    'double quote is one. So this POST is not simple: the browser sends a preflight, the server has no ' +
    'OPTIONS route and answers 404, and the POST is never sent.',
  rule: 'A safelisted header stops being safelisted when its value has an unsafe byte such as " ( ) : < > ? @ [ ] { }.',
  fix: {
    summary:
      "Answer preflights with Hono's cors() middleware, allowing Content-Type. On the client side, dropping the " +
      'quotes (charset=utf-8) would keep the request simple.',
    diff: [
      { exchange: 'preflight', header: ':status', broken: '404', fixed: '204' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Headers', fixed: 'Content-Type' },
    ],
  },
  covers: ['trigger-unsafe-safelisted-value'],
  references: [
    {
      title: 'Fetch Standard: CORS-safelisted request-header',
      url: 'https://fetch.spec.whatwg.org/#cors-safelisted-request-header',
    },
  ],
  request: {
    path: '/notes',
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset="utf-8"' },
    body: 'Buy milk',
  },
  broken: {
    middleware: [{ kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}' } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightInvalidStatus',
      detail: {},
      fault: { exchange: 'preflight', status: true },
    },
    exchanges: [{ server: 'api', method: 'OPTIONS', status: 404 }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['Content-Type'] } }],
  },
});
