import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'credentials-without-allow-credentials',
  title: 'Credentials without Access-Control-Allow-Credentials',
  category: 'credentials',
  story:
    "The account page at {app} loads the signed-in user's profile from {api} with credentials: 'include', " +
    'so that the session cookie goes along.',
  explanation:
    "The server's allowlist matches, so Access-Control-Allow-Origin is right. But the request includes " +
    'credentials, and then the browser also requires Access-Control-Allow-Credentials: true. The header is ' +
    "missing, which Chromium reports as the empty value ''.",
  rule: "A response to a request with credentials: 'include' is readable only with Access-Control-Allow-Credentials: true.",
  fix: {
    summary: "Turn on credentials in Hono's cors() middleware, which adds Access-Control-Allow-Credentials: true.",
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Credentials', fixed: 'true' }],
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
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'InvalidAllowCredentials',
      detail: { value: '' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Credentials' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true } }],
  },
});
