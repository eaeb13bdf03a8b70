import { defineScenario } from '../define.ts';
import type { Middleware } from '../types.ts';

const allowApp: Middleware = { kind: 'cors', settings: { origin: '{app}' } };

export default defineScenario({
  id: 'server-down',
  title: 'The API is not running',
  category: 'look-alikes',
  story:
    'The dashboard at {app} loads its data from the API. After a deploy the page shows "Failed to fetch", and ' +
    "a teammate says it must be CORS again. In fact the app's configuration names {offline}, where no server listens.",
  explanation:
    'The browser opens a connection to {offline}, the operating system refuses it because nothing listens on ' +
    'that port, and fetch() rejects with TypeError: Failed to fetch, the same error a CORS block gives. No ' +
    'response came back, so there was nothing for the CORS check to read: the console shows only ' +
    'Failed to load resource: net::ERR_CONNECTION_REFUSED, with no "blocked by CORS policy" line, the ' +
    'DevTools Issues panel stays empty, and no server logs the request. curl fails the same way ' +
    '(curl: (7) Failed to connect), which a CORS problem never makes it do.',
  rule: 'A request that gets no response fails in JavaScript just like a CORS block: read the console line before blaming CORS.',
  fix: {
    summary:
      'Start the API, or point the app at the port it listens on ({api}). The API already allows {app}, so ' +
      'nothing changes in its CORS headers.',
    diff: [],
  },
  covers: ['server-down'],
  references: [
    { title: 'Fetch Standard: network error', url: 'https://fetch.spec.whatwg.org/#concept-network-error' },
    {
      title: 'MDN: TypeError from fetch(), "Failed to fetch"',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch#exceptions',
    },
    {
      title: 'Chromium: the net error list (ERR_CONNECTION_REFUSED)',
      url: 'https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h',
    },
  ],
  broken: {
    request: { offline: true },
    middleware: [allowApp],
    outcome: {
      verdict: 'blocked',
      cause: 'network',
      consoleLines: ['Failed to load resource: net::ERR_CONNECTION_REFUSED'],
    },
    exchanges: [],
  },
  fixed: {
    middleware: [allowApp],
  },
});
