import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'wildcard-headers-with-credentials',
  title: 'Access-Control-Allow-Headers: * on a credentialed request',
  category: 'credentials',
  story:
    "The account page at {app} loads the user's profile from {api} with credentials: 'include' and an " +
    'X-Api-Key header. The server allows every header with *.',
  explanation:
    'X-Api-Key is not safelisted, so the browser sends a preflight. When the request includes credentials, ' +
    '* in Access-Control-Allow-Headers is not a wildcard but the literal header name "*", so x-api-key is ' +
    'not allowed and the GET is never sent.',
  rule: 'With credentials, * in Access-Control-Allow-Headers means a header named "*": list the names.',
  fix: {
    summary: "List X-Api-Key in Hono's cors() allowHeaders instead of *.",
    diff: [{ exchange: 'preflight', header: 'Access-Control-Allow-Headers', broken: '*', fixed: 'X-Api-Key' }],
  },
  covers: ['credentialed-star-literal'],
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    {
      title: 'Fetch Standard: CORS protocol and credentials',
      url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-credentials',
    },
  ],
  request: { path: '/profile', headers: { 'X-Api-Key': 'demo-key' }, credentials: 'include' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['*'], credentials: true } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'HeaderDisallowedByPreflightResponse',
      detail: { header: 'x-api-key' },
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Headers' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['X-Api-Key'], credentials: true } }],
  },
});
