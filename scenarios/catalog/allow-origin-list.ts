import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'allow-origin-list',
  title: 'Several origins in one Access-Control-Allow-Origin',
  category: 'allow-origin',
  story:
    'Two front ends use the API at {api}: the dashboard at {app} and an admin tool at http://localhost:3000. ' +
    'The server lists both, comma-separated, in one Access-Control-Allow-Origin header.',
  explanation:
    'Access-Control-Allow-Origin takes a single origin, not a list. The browser sees two values and blocks ' +
    'the response, whichever page asked.',
  rule: 'Access-Control-Allow-Origin holds one origin: match the request Origin against a list and echo it.',
  fix: {
    summary:
      "Give Hono's cors() middleware both origins as an allowlist. It echoes the one that matches the request's " +
      'Origin and adds Vary: Origin, so caches keep the two answers apart.',
    diff: [
      {
        exchange: 'actual',
        header: 'Access-Control-Allow-Origin',
        broken: '{app}, http://localhost:3000',
        fixed: '{app}',
      },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    {
      title: 'Fetch Standard: Access-Control-Allow-Origin',
      url: 'https://fetch.spec.whatwg.org/#http-access-control-allow-origin',
    },
    {
      title: "MDN: Reason: Multiple CORS header 'Access-Control-Allow-Origin' not allowed",
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMultipleAllowOriginNotAllowed',
    },
  ],
  broken: {
    middleware: [{ kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}, http://localhost:3000' } }],
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'MultipleAllowOriginValues',
      detail: { value: '{app}, http://localhost:3000' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}', 'http://localhost:3000'] } }],
  },
});
