import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'wildcard-with-credentials',
  title: 'Wildcard origin on a credentialed request',
  category: 'credentials',
  story:
    "The shop at {app} shows recommendations from a partner's API at {partner}, another site. It sends " +
    "the request with credentials: 'include' so that the partner can recognise the user by a cookie.",
  explanation:
    "The partner uses Hono's cors() with origin: '*' and turns on credentials, so it answers " +
    'Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true. When a request ' +
    'includes credentials, * is not a wildcard, so the browser blocks the response. The server has ' +
    'already run the request with whatever cookies it received.',
  rule: 'A credentialed response must name the exact origin; * never matches when credentials are included.',
  fix: {
    summary:
      'Replace the wildcard with an allowlist that contains {app}, so cors() echoes that origin. Keep ' +
      'credentials: true, and let the middleware add Vary: Origin.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: '*', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    {
      title: 'Fetch Standard: CORS protocol and credentials',
      url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-credentials',
    },
    {
      title: "MDN: Reason: Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '*'",
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSNotSupportingCredentials',
    },
  ],
  request: { target: 'partner', path: '/recommendations', credentials: 'include' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: '*', credentials: true } }],
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'WildcardOriginNotAllowed',
      detail: {},
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true } }],
  },
});
