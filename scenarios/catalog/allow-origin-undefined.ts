import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'allow-origin-undefined',
  title: "Access-Control-Allow-Origin: 'undefined'",
  category: 'allow-origin',
  story:
    'The dashboard at {app} reads figures from {api}. The server sets Access-Control-Allow-Origin from an ' +
    'environment variable in a template string, and nobody set the variable on this machine.',
  explanation:
    "JavaScript turned the missing variable into the text 'undefined', and the server sent that. The value " +
    'is not *, not null and not an origin, so the browser rejects it as invalid before comparing it with ' +
    'the page origin.',
  rule: 'Access-Control-Allow-Origin must be *, null or one serialized origin such as http://localhost:5173.',
  fix: {
    summary:
      "Use Hono's cors() middleware with an explicit allowlist, and fail at startup when a required setting " +
      'is missing instead of sending whatever it turned into.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: 'undefined', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    {
      title: 'Fetch Standard: Access-Control-Allow-Origin',
      url: 'https://fetch.spec.whatwg.org/#http-access-control-allow-origin',
    },
  ],
  broken: {
    middleware: [{ kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': 'undefined' } }],
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'InvalidAllowOriginValue',
      detail: { value: 'undefined' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
  },
});
