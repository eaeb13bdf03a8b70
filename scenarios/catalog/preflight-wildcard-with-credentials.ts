import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'preflight-wildcard-with-credentials',
  title: 'Wildcard origin on a credentialed preflight',
  category: 'credentials',
  story:
    "The shop at {app} updates the user's basket at {api} with a PUT, sending credentials: 'include' so " +
    'that the session cookie goes along.',
  explanation:
    "The PUT needs a preflight. Hono's cors() with origin: '*' and credentials: true answers it with " +
    'Access-Control-Allow-Origin: *. The preflight itself carries no cookies, but the browser checks its ' +
    'answer against the credentials mode of the request it is asking about, and * never matches a ' +
    'credentialed request. The PUT is never sent.',
  rule: 'For a credentialed request, the preflight answer must also name the exact origin.',
  fix: {
    summary: 'Replace the wildcard with an allowlist that contains {app}, keeping credentials: true.',
    diff: [
      { exchange: 'preflight', header: 'Access-Control-Allow-Origin', broken: '*', fixed: '{app}' },
      { exchange: 'preflight', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    {
      title: 'Fetch Standard: CORS protocol and credentials',
      url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-credentials',
    },
  ],
  request: { path: '/basket', method: 'PUT', body: 'item=notebook', credentials: 'include' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: '*', allowMethods: ['GET', 'POST', 'PUT'], credentials: true } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightWildcardOriginNotAllowed',
      detail: {},
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Origin' },
    },
  },
  fixed: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'], credentials: true } },
    ],
  },
});
