import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

export default defineScenario({
  id: 'error-without-allow-origin',
  title: 'A 500 without CORS headers looks like a CORS error',
  category: 'layers',
  story:
    "The reports page at {app} asks the API for today's report through the proxy at {proxy}. The proxy " +
    'adds Access-Control-Allow-Origin, and today the report fails with a 500.',
  explanation:
    'The proxy adds its header with add_header and no always, so nginx adds it to 2xx and 3xx responses ' +
    'only. The 500 goes out without Access-Control-Allow-Origin, the CORS check fails, and the page gets ' +
    'TypeError: Failed to fetch instead of the 500. The console blames CORS while the real fault is in ' +
    'the API. With CORS headers on the error too, JavaScript reads the 500 and can show the error.',
  rule: 'Send CORS headers on error responses too, or every server error looks like a CORS error.',
  fix: {
    summary:
      "Let the app own the CORS headers with Hono's cors(), registered first, which adds them to every " +
      'response, errors included, and remove them from the proxy. In nginx alone, add_header … always does the same.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  covers: ['layer-error-without-cors', 'layer-error-with-cors'],
  references: [
    { title: 'Fetch Standard: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
    { title: 'nginx: add_header', url: 'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header' },
  ],
  request: { target: 'proxy', path: '/reports/today' },
  broken: {
    response: { status: 500, body: { error: 'Report generation failed' } },
    proxyAddsHeaders: { 'Access-Control-Allow-Origin': '{app}' },
    outcome: missingAllowOriginAtResponse,
    exchanges: [
      { server: 'proxy', method: 'GET', status: 500 },
      { server: 'api', method: 'GET', status: 500 },
    ],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { status: 500, body: { error: 'Report generation failed' } },
    exchanges: [
      { server: 'proxy', method: 'GET', status: 500 },
      { server: 'api', method: 'GET', status: 500 },
    ],
  },
});
