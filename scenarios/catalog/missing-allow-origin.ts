import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

export default defineScenario({
  id: 'missing-allow-origin',
  title: 'No Access-Control-Allow-Origin header',
  category: 'allow-origin',
  story: 'The dashboard at {app} loads the latest figures from the API at {api} with a plain GET.',
  explanation:
    'The GET is a simple request, so the browser sends it without asking first, and the server runs it. ' +
    'The response carries no Access-Control-Allow-Origin header, so the CORS check fails and the browser ' +
    'hides the whole response from the page, even though the server answered 200.',
  rule: 'A cross-origin response is readable only if Access-Control-Allow-Origin names the page origin (or is *).',
  fix: {
    summary:
      "Add Hono's cors() middleware with an allowlist that contains {app}. It echoes the matching origin " +
      'and adds Vary: Origin, because the answer now depends on the request origin.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
    {
      title: "MDN: Reason: CORS header 'Access-Control-Allow-Origin' missing",
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin',
    },
  ],
  broken: {
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
  },
});
