import { defineScenario } from '../define.ts';
import type { Middleware } from '../types.ts';

const allowApp: Middleware = { kind: 'cors', settings: { origin: '{app}' } };

export default defineScenario({
  id: 'connection-dropped',
  title: 'The server closes the connection without answering',
  category: 'look-alikes',
  story:
    'The orders page at {app} asks the API for the monthly export. A bug in the export handler crashes the ' +
    'worker halfway through, the page shows "Failed to fetch", and the bug report says CORS.',
  explanation:
    'The API received the request, and its log shows it, but the process closed the connection before ' +
    'sending a single byte. With no status line there is nothing to check, so no CORS check runs: the ' +
    'console shows only Failed to load resource: net::ERR_EMPTY_RESPONSE, with no "blocked by CORS policy" ' +
    'line, and the DevTools Issues panel stays empty. fetch() still rejects with TypeError: Failed to fetch, ' +
    'as for a CORS block. curl fails too (curl: (52) Empty reply from server), which a CORS problem never makes it do. ' +
    'The same happens when a proxy or load balancer gives up on a slow upstream and drops the connection. ' +
    'Had the connection already carried an earlier response, Chromium would have sent the request once more ' +
    'on a new one, so a server log can show a dropped request twice.',
  rule: 'A connection closed without a response is a network error, not a CORS block: the server log and ERR_EMPTY_RESPONSE show it.',
  fix: {
    summary:
      "Find why the server closes the connection (a crash, a timeout in a proxy) in the server's own log, and " +
      'let it answer, with an error status if it must. Its CORS headers were right all along.',
    diff: [],
  },
  covers: ['connection-dropped'],
  references: [
    { title: 'Fetch Standard: network error', url: 'https://fetch.spec.whatwg.org/#concept-network-error' },
    {
      title: 'Chromium: the net error list (ERR_EMPTY_RESPONSE)',
      url: 'https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h',
    },
    {
      title: 'nginx: return 444 closes the connection without a response',
      url: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return',
    },
  ],
  request: { path: '/exports/monthly' },
  broken: {
    middleware: [allowApp, { kind: 'close-connection' }],
    outcome: {
      verdict: 'blocked',
      cause: 'network',
      consoleLines: ['Failed to load resource: net::ERR_EMPTY_RESPONSE'],
    },
    exchanges: [{ server: 'api', method: 'GET', status: 444 }],
  },
  fixed: {
    middleware: [allowApp],
    response: { body: { month: '2026-11', orders: 1287 } },
  },
});
