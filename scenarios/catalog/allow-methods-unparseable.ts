import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'allow-methods-unparseable',
  title: 'Access-Control-Allow-Methods that does not parse',
  category: 'preflight',
  story:
    "The order screen at {app} sends a PUT to {api}. The server's configuration lists the methods as one " +
    "string, 'GET POST PUT', where the middleware expects one method per entry.",
  explanation:
    'The browser parses Access-Control-Allow-Methods as a comma-separated list of tokens. A token cannot ' +
    'contain a space, so "GET POST PUT" does not parse at all, and the whole preflight fails: the PUT is ' +
    'never sent.',
  rule: 'Access-Control-Allow-Methods is a comma-separated list of method tokens.',
  fix: {
    summary: "Give Hono's cors() allowMethods one method per array entry.",
    diff: [
      {
        exchange: 'preflight',
        header: 'Access-Control-Allow-Methods',
        broken: 'GET POST PUT',
        fixed: 'GET,POST,PUT',
      },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    {
      title: "MDN: Reason: invalid token in CORS header 'Access-Control-Allow-Methods'",
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSInvalidAllowMethod',
    },
  ],
  request: { path: '/orders/42', method: 'PUT', body: 'status=shipped' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET POST PUT'] } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'InvalidAllowMethodsPreflightResponse',
      detail: {},
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Methods' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } }],
  },
});
