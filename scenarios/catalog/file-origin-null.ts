import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'file-origin-null',
  title: 'A page opened from file:// sends Origin: null',
  category: 'look-alikes',
  story:
    'A developer saves the weather widget of the app at {app} as weather.html and opens it by double-click, ' +
    'to try a change without starting the dev server. Its fetch() to the forecast API at {api} fails with ' +
    '"Failed to fetch", although the API sends Access-Control-Allow-Origin: {app} and the same call works on {app}.',
  explanation:
    'A page opened from a file:// URL has an opaque origin, so the browser sends its requests with Origin: null, ' +
    "and the console names it: from origin 'null'. The API answers Access-Control-Allow-Origin: {app}, which " +
    'is not null, so the CORS check fails, and JavaScript gets only "Failed to fetch". The API is right to ' +
    'refuse: answering Access-Control-Allow-Origin: null would let every sandboxed iframe on every site read ' +
    'the response too (see the scenarios sandboxed-iframe-null-origin and trusted-null-origin).',
  rule: 'A page opened from file:// has the origin null, which no allowlist of real origins matches: serve it over http.',
  fix: {
    summary:
      'Change the page, not the API: serve it over http, from the dev server at {app} or any local web server, ' +
      'so the browser sends Origin: {app}, which the API allows by name. Never add null to the allowlist.',
    // The fix is where the page comes from, so no header changes: the API sends the same headers to both.
    diff: [],
  },
  covers: ['file-origin-null'],
  references: [
    { title: 'Fetch Standard: the Origin header', url: 'https://fetch.spec.whatwg.org/#origin-header' },
    {
      title: 'URL Standard: the origin of a URL, which a file: URL leaves opaque',
      url: 'https://url.spec.whatwg.org/#concept-url-origin',
    },
    {
      title: 'MDN: Reason: CORS header Access-Control-Allow-Origin does not match',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSAllowOriginNotMatchingOrigin',
    },
  ],
  request: { path: '/forecast', page: { kind: 'file' } },
  broken: {
    middleware: [{ kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}' } }],
    response: { body: { city: 'Lisbon', forecast: 'sunny' } },
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'AllowOriginMismatch',
      detail: { value: '{app}' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    },
    exchanges: [{ server: 'api', method: 'GET', status: 200, origin: 'null' }],
  },
  fixed: {
    request: { page: { kind: 'app' } },
    middleware: [{ kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}' } }],
    response: { body: { city: 'Lisbon', forecast: 'sunny' } },
  },
});
