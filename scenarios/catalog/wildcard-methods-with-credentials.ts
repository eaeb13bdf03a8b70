import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'wildcard-methods-with-credentials',
  title: 'Access-Control-Allow-Methods: * on a credentialed request',
  category: 'credentials',
  story:
    "The shop at {app} updates the user's basket at {api} with a PUT and credentials: 'include'. The " +
    'server allows every method with *.',
  explanation:
    'When the request includes credentials, * in Access-Control-Allow-Methods is not a wildcard but a ' +
    'method literally named "*". PUT is not in the list, so the preflight fails and the PUT is never sent.',
  rule: 'With credentials, * in Access-Control-Allow-Methods means a method named "*": list the methods.',
  fix: {
    summary: "List the methods in Hono's cors() allowMethods instead of *.",
    diff: [{ exchange: 'preflight', header: 'Access-Control-Allow-Methods', broken: '*', fixed: 'GET,POST,PUT' }],
  },
  covers: ['credentialed-star-literal'],
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
  ],
  request: { path: '/basket', method: 'PUT', body: 'item=notebook', credentials: 'include' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['*'], credentials: true } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'MethodDisallowedByPreflightResponse',
      detail: { method: 'PUT' },
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Methods' },
    },
  },
  fixed: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'], credentials: true } },
    ],
  },
});
