import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'xhr-wildcard-with-credentials',
  title: 'XMLHttpRequest withCredentials under a wildcard origin',
  category: 'initiators',
  story:
    "The shop at {app} loads recommendations from a partner's API at {partner} with an XMLHttpRequest, " +
    'and sets withCredentials = true so that the partner can recognise the user by a cookie.',
  explanation:
    "withCredentials = true is XHR's way of saying credentials: 'include'. The partner uses Hono's cors() " +
    "with origin: '*' and credentials: true, so it answers Access-Control-Allow-Origin: * with " +
    'Access-Control-Allow-Credentials: true, and * never matches a credentialed request. Chromium blocks ' +
    'the response and adds a sentence to the console message: for XHR, the withCredentials attribute ' +
    'controls the credentials mode.',
  rule: 'An XHR with withCredentials = true needs a response that names the exact origin, never *.',
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
      title: 'XMLHttpRequest Standard: the withCredentials attribute',
      url: 'https://xhr.spec.whatwg.org/#the-withcredentials-attribute',
    },
    {
      title: 'Fetch Standard: CORS protocol and credentials',
      url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-credentials',
    },
  ],
  request: { initiator: 'xhr', target: 'partner', path: '/recommendations', credentials: 'include' },
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
