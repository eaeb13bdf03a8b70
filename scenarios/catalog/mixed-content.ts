import { defineScenario } from '../define.ts';
import type { Middleware } from '../types.ts';

// The API allows the https page, so CORS would let the response through once it is sent.
const allowPage: Middleware = { kind: 'cors', settings: { origin: ['{secure}'] } };

export default defineScenario({
  id: 'mixed-content',
  title: 'An https page calls an http API (mixed content)',
  category: 'look-alikes',
  story:
    'The shop now serves its pages over https, at {secure} here, but its configuration still names the API as ' +
    'http://api.test:{api.port}. Every call fails with "Failed to fetch", and the API, which allows the ' +
    "page's origin, logs nothing. To see it in your own browser, start Chromium with npm run browser, which " +
    "maps the .test names to this machine and accepts the playground's certificate, and open the app there.",
  explanation:
    'A page loaded over https may not fetch an http URL: that would be mixed content, readable and changeable ' +
    'by anyone on the network. Chromium blocks the request before it leaves, so the API never sees it, and ' +
    'prints "Mixed Content: The page at … was loaded over HTTPS, but requested an insecure resource …", with ' +
    'no "blocked by CORS policy" line. The DevTools Issues panel lists a Mixed Content issue, not a CORS ' +
    'issue. http://localhost would pass, because browsers treat loopback names as potentially trustworthy, ' +
    'which is why the API here has a .test name.',
  rule: 'A page loaded over https may fetch only https URLs: the browser blocks http before any CORS check.',
  fix: {
    summary:
      'Serve the API over https too, and call it at https://api.test:{secure.port}. Its CORS headers stay as ' +
      'they were.',
    diff: [],
  },
  covers: ['mixed-content'],
  references: [
    { title: 'W3C Mixed Content', url: 'https://w3c.github.io/webappsec-mixed-content/' },
    {
      title: 'MDN: Mixed content',
      url: 'https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content',
    },
    {
      title: 'web-platform-tests: mixed-content',
      url: 'https://github.com/web-platform-tests/wpt/tree/master/mixed-content',
    },
  ],
  request: { path: '/cart', page: { kind: 'frame', origin: '{secure}' } },
  broken: {
    request: { targetOrigin: 'http://api.test:{api.port}' },
    middleware: [allowPage],
    outcome: {
      verdict: 'blocked',
      cause: 'mixed-content',
      consoleLines: [
        "Mixed Content: The page at '{page}' was loaded over HTTPS, but requested an insecure resource '{url}'. " +
          'This request has been blocked; the content must be served over HTTPS.',
      ],
      issue: { code: 'MixedContentIssue', reason: 'MixedContentBlocked' },
    },
    exchanges: [],
  },
  fixed: {
    request: { targetOrigin: 'https://api.test:{secure.port}' },
    middleware: [allowPage],
    response: { body: { items: 3, total: '42.50' } },
  },
});
