import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'authorization-under-wildcard',
  title: 'Authorization under Access-Control-Allow-Headers: *',
  category: 'preflight',
  story:
    'The account page at {app} fetches the current user from {api} with a bearer token in Authorization. ' +
    'The server allows every request header with *, and sends no credentials flag.',
  explanation:
    'Without credentials, * in Access-Control-Allow-Headers allows every header except one: the Fetch ' +
    'Standard names Authorization as the only header that * does not cover, so it must be listed by name. ' +
    'Chromium 156 does not enforce that rule yet. It lets the request through and reports a deprecation ' +
    'issue (AuthorizationCoveredByWildcard) in the DevTools Issues panel, so the request works here and ' +
    'fails in a browser that follows the standard.',
  rule: 'Access-Control-Allow-Headers: * never covers Authorization: list it by name.',
  fix: {
    summary: "List Authorization next to * in Hono's cors() allowHeaders.",
    diff: [{ exchange: 'preflight', header: 'Access-Control-Allow-Headers', broken: '*', fixed: '*,Authorization' }],
  },
  covers: ['authorization-under-wildcard'],
  references: [
    {
      title: 'Fetch Standard: CORS non-wildcard request-header name',
      url: 'https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name',
    },
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
  ],
  request: { path: '/me', headers: { Authorization: 'Bearer demo-token' } },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['*'] } }],
    deviation: 'authorization-covered-by-wildcard',
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['*', 'Authorization'] } }],
  },
});
