import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'preflight-duplicate-allow-origin',
  title: 'The proxy adds * to a preflight the app already answered',
  category: 'layers',
  story:
    'The settings page at {app} saves a profile with a PUT through the reverse proxy at {proxy}. The gateway ' +
    'team added Access-Control-Allow-Origin: * to the proxy so that public GET endpoints work from any site. ' +
    "The app behind it runs Hono's cors() for {app}.",
  explanation:
    "The PUT needs a preflight. The app's cors() responds to it with Access-Control-Allow-Origin: {app}, and the " +
    "proxy adds its own *, so the response carries two values, '{app}, *'. A preflight response must name one " +
    'origin, so the browser rejects it and never sends the PUT. The public endpoints keep working because ' +
    'the app adds nothing to them: only a route with its own cors() gets both headers.',
  rule: 'Exactly one layer (app, proxy or CDN) owns the CORS headers, preflight responses included.',
  fix: {
    summary:
      'Remove the header from the proxy and let each app decide its own CORS policy, with cors({ origin: ' +
      "'*' }) on the public endpoints.",
    diff: [{ exchange: 'preflight', header: 'Access-Control-Allow-Origin', broken: '{app}, *', fixed: '{app}' }],
  },
  covers: ['layer-duplicate-headers'],
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
  request: { target: 'proxy', path: '/profile', method: 'PUT', body: 'name=Ada' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } }],
    proxyAddsHeaders: { 'Access-Control-Allow-Origin': '*' },
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightMultipleAllowOriginValues',
      detail: { value: '{app}, *' },
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Origin' },
    },
    exchanges: [
      { server: 'proxy', method: 'OPTIONS', status: 204 },
      { server: 'api', method: 'OPTIONS', status: 204 },
    ],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } }],
    exchanges: [
      { server: 'proxy', method: 'OPTIONS', status: 204 },
      { server: 'api', method: 'OPTIONS', status: 204 },
      { server: 'proxy', method: 'PUT', status: 200 },
      { server: 'api', method: 'PUT', status: 200 },
    ],
  },
});
