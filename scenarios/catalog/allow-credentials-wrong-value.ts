import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'allow-credentials-wrong-value',
  title: 'Access-Control-Allow-Credentials: True',
  category: 'credentials',
  story:
    "The account page at {app} loads the user's profile from {api} with credentials: 'include'. The " +
    'server sets its CORS headers by hand from a settings file that says True.',
  explanation:
    'The origin matches, but with credentials included the browser also requires Access-Control-Allow-Credentials ' +
    "to be exactly the lowercase word true. 'True', '1' and 'yes' all fail: the comparison is byte for byte.",
  rule: 'Access-Control-Allow-Credentials must be exactly true, in lowercase.',
  fix: {
    summary: "Use Hono's cors() middleware with credentials: true, which sends the header exactly as required.",
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Credentials', broken: 'True', fixed: 'true' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
    {
      title: "MDN: Reason: expected 'true' in CORS header 'Access-Control-Allow-Credentials'",
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowCredentials',
    },
  ],
  request: { path: '/profile', credentials: 'include' },
  broken: {
    middleware: [
      {
        kind: 'set-headers',
        headers: { 'Access-Control-Allow-Origin': '{app}', 'Access-Control-Allow-Credentials': 'True' },
      },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'InvalidAllowCredentials',
      detail: { value: 'True' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Credentials' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true } }],
  },
});
