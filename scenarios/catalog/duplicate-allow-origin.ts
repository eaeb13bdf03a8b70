import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'duplicate-allow-origin',
  title: 'Proxy and app both add Access-Control-Allow-Origin',
  category: 'layers',
  story:
    'The dashboard at {app} calls the API through the reverse proxy at {proxy}. The app behind it uses ' +
    "Hono's cors(), and someone also added the header in the proxy configuration.",
  explanation:
    'Both layers add Access-Control-Allow-Origin, so the response carries two values, "{app}, {app}". ' +
    'That is not one origin, so the browser blocks the response. Each layer is right on its own, which ' +
    'is why this is hard to find from either side: only the response that leaves the proxy shows it.',
  rule: 'Exactly one layer (app, proxy or CDN) owns the CORS headers.',
  fix: {
    summary: 'Remove the header from the proxy and let the app alone send CORS headers.',
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: '{app}, {app}', fixed: '{app}' }],
  },
  covers: ['layer-duplicate-headers'],
  references: [
    {
      title: 'Fetch Standard: HTTP responses (Access-Control-Allow-Origin)',
      url: 'https://fetch.spec.whatwg.org/#http-access-control-allow-origin',
    },
    {
      title: "MDN: Reason: Multiple CORS header 'Access-Control-Allow-Origin' not allowed",
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMultipleAllowOriginNotAllowed',
    },
  ],
  request: { target: 'proxy' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    proxyAddsHeaders: { 'Access-Control-Allow-Origin': '{app}' },
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'MultipleAllowOriginValues',
      detail: { value: '{app}, {app}' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    },
    exchanges: [
      { server: 'proxy', method: 'GET', status: 200 },
      { server: 'api', method: 'GET', status: 200 },
    ],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    exchanges: [
      { server: 'proxy', method: 'GET', status: 200 },
      { server: 'api', method: 'GET', status: 200 },
    ],
  },
});
