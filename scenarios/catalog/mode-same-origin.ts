import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'mode-same-origin',
  title: "fetch() with mode: 'same-origin' to another origin",
  category: 'look-alikes',
  story:
    "The dashboard at {app} reads figures from {api}/…/data. Its fetch wrapper sets mode: 'same-origin', " +
    "written when the API was served from the app's own origin through the dev server's proxy. The API has " +
    "since moved to its own origin, and runs Hono's cors() for {app}.",
  explanation:
    "mode: 'same-origin' tells the browser to refuse any URL on another origin, so it rejects the request " +
    'before sending anything: no server records it, and no CORS header could change the outcome. Chromium ' +
    'files it as a CORS issue (DisallowedByMode), but prints one line that starts "Fetch API cannot load" ' +
    'instead of "blocked by CORS policy", and no Failed to load resource line after it, because no request ' +
    'failed on the network.',
  rule: "mode: 'same-origin' never reaches another origin, whatever the server allows: use the default mode, cors.",
  fix: {
    summary:
      "Drop the mode option from the fetch wrapper, so fetch() uses its default, mode: 'cors'. The API's cors() " +
      'already allows {app}, so the request now goes out and its response is readable.',
    // The fix is in the page, so no header changes: the broken request never reaches the server.
    diff: [],
  },
  references: [
    { title: 'Fetch Standard: main fetch', url: 'https://fetch.spec.whatwg.org/#main-fetch' },
    { title: 'MDN: Request.mode', url: 'https://developer.mozilla.org/en-US/docs/Web/API/Request/mode' },
    {
      title: 'web-platform-tests: fetch/api/basic/mode-same-origin.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/basic/mode-same-origin.any.js',
    },
  ],
  request: { mode: 'same-origin' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    outcome: { verdict: 'blocked', stage: 'request', corsError: 'DisallowedByMode', detail: {} },
    exchanges: [],
  },
  fixed: {
    request: { mode: 'cors' },
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
  },
});
