import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'allow-headers-unparseable',
  title: 'Access-Control-Allow-Headers separated by semicolons',
  category: 'preflight',
  story:
    'The order form at {app} POSTs JSON to {api}. The server lists its allowed headers as ' +
    "'Content-Type; Authorization', separated by a semicolon.",
  explanation:
    'The POST needs a preflight because of Content-Type: application/json. The browser parses ' +
    'Access-Control-Allow-Headers as a comma-separated list of tokens, and a semicolon or space cannot be ' +
    'part of a token. The header does not parse, so the preflight fails and the POST is never sent.',
  rule: 'Access-Control-Allow-Headers is a comma-separated list of header names.',
  fix: {
    summary: "Give Hono's cors() allowHeaders one header name per array entry.",
    diff: [
      {
        exchange: 'preflight',
        header: 'Access-Control-Allow-Headers',
        broken: 'Content-Type; Authorization',
        fixed: 'Content-Type,Authorization',
      },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    {
      title: "MDN: Reason: invalid token in CORS header 'Access-Control-Allow-Headers'",
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSInvalidAllowHeader',
    },
  ],
  request: {
    path: '/orders',
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"item":"notebook","quantity":2}',
  },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['Content-Type; Authorization'] } }],
    response: { status: 201, body: { id: 43, item: 'notebook', quantity: 2 } },
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'InvalidAllowHeadersPreflightResponse',
      detail: {},
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Headers' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['Content-Type', 'Authorization'] } }],
    response: { status: 201, body: { id: 43, item: 'notebook', quantity: 2 } },
  },
});
