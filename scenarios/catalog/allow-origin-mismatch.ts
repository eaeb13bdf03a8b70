import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'allow-origin-mismatch',
  title: 'Access-Control-Allow-Origin with a trailing slash',
  category: 'allow-origin',
  story:
    'The dashboard at {app} reads figures from {api}. The server sets Access-Control-Allow-Origin by hand, ' +
    'copied from a configuration file that lists the app as "{app}/".',
  explanation:
    'The browser compares Access-Control-Allow-Origin with the serialized page origin byte for byte. ' +
    'An origin is a scheme, a host and a port, with no path, so "{app}/" is a different string from "{app}" and ' +
    'the check fails. A wrong port or an http/https mix-up fails in the same way.',
  rule: 'Access-Control-Allow-Origin must equal the request origin exactly: scheme, host and port, with no path.',
  fix: {
    summary:
      "Let Hono's cors() middleware echo the request's Origin when it is on the allowlist, instead of " +
      'writing the value by hand.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: '{app}/', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    { title: 'Fetch Standard: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
    {
      title: "MDN: Reason: CORS header 'Access-Control-Allow-Origin' does not match",
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSAllowOriginNotMatchingOrigin',
    },
  ],
  broken: {
    middleware: [{ kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}/' } }],
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'AllowOriginMismatch',
      detail: { value: '{app}/' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
  },
});
