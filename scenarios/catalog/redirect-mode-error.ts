import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'redirect-mode-error',
  title: "redirect: 'error' meets a trailing-slash redirect",
  category: 'redirects',
  story:
    "The admin panel at {app} reads {api}/…/data with redirect: 'error', so that an expired session, which " +
    "the API answers with a redirect to its login page, fails loudly instead of handing the login page's HTML " +
    'to code that expects JSON. The API also redirects every path without a trailing slash, after cors().',
  explanation:
    'The 301 carries Access-Control-Allow-Origin: {app}, so it passes the CORS check. But the page asked ' +
    'fetch() to fail on any redirect, and so it does: fetch() rejects with the same TypeError as for a CORS ' +
    'block. This is not a CORS failure, and the console shows it by what it leaves out: no "blocked by CORS ' +
    'policy" line, no CORS issue in DevTools, only Failed to load resource: net::ERR_FAILED. The server\'s ' +
    "record shows the 301 and its Location, and the same request without redirect: 'error' succeeds.",
  rule: "With redirect: 'error', any redirect fails the request; it is not a CORS error, so CORS headers cannot fix it.",
  fix: {
    summary:
      "Keep redirect: 'error', which does its job, and stop the redirect: serve the API path as the client " +
      'calls it, or call the canonical URL, with the slash, from the page.',
    diff: [
      { exchange: 'actual', header: ':status', broken: '301', fixed: '200' },
      { exchange: 'actual', header: 'Location', broken: '/scenarios/redirect-mode-error/broken/data/' },
    ],
  },
  covers: ['redirect-mode-error'],
  references: [
    { title: 'Fetch Standard: HTTP fetch (redirect mode)', url: 'https://fetch.spec.whatwg.org/#http-fetch' },
    { title: 'MDN: Request.redirect', url: 'https://developer.mozilla.org/en-US/docs/Web/API/Request/redirect' },
    {
      title: 'web-platform-tests: fetch/api/redirect/redirect-mode.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/redirect/redirect-mode.any.js',
    },
  ],
  request: { redirect: 'error' },
  broken: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'] } },
      { kind: 'redirect-to-trailing-slash', status: 301 },
    ],
    outcome: {
      verdict: 'blocked',
      cause: 'redirect-mode',
      consoleLines: ['Failed to load resource: net::ERR_FAILED'],
      fault: { exchange: 'actual', header: 'Location' },
    },
    exchanges: [{ server: 'api', method: 'GET', status: 301 }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
  },
});
