import { defineScenario } from '../define.ts';
import type { Middleware } from '../types.ts';

// The partner's API allows the page's origin, so CORS would let the request through once it is sent.
const allowPage: Middleware = { kind: 'cors', settings: { origin: '{api}' } };

export default defineScenario({
  id: 'csp-connect-src',
  title: "Content-Security-Policy connect-src 'self' forbids the API",
  category: 'look-alikes',
  story:
    "The team's admin page is served at {api} with the header Content-Security-Policy: connect-src 'self'. A " +
    "new widget on it loads figures from the partner's API at {partner}, whose CORS headers allow {api}. The " +
    'widget shows "Failed to fetch".',
  explanation:
    "The page's own Content-Security-Policy lets it connect only to its own origin, so the browser refuses to " +
    'send the request at all, before any CORS check: the partner never sees it. The console has two errors, ' +
    '"Connecting to … violates the following Content Security Policy directive" and "Fetch API cannot load … ' +
    'Refused to connect because it violates the document\'s Content Security Policy", and no ' +
    '"blocked by CORS policy" line. The DevTools Issues panel lists a Content Security Policy issue, not a CORS ' +
    'issue. No header the partner sends can fix this: the page that makes the request must allow the URL.',
  rule: "connect-src in the page's Content-Security-Policy decides where fetch() may connect, before CORS is asked.",
  fix: {
    summary:
      "Add the partner's origin to connect-src in the page's policy: Content-Security-Policy: connect-src 'self' " +
      '{partner}. The fix is on the page, not on the API, whose CORS headers were right all along.',
    diff: [],
  },
  covers: ['csp-connect-src'],
  references: [
    {
      title: 'MDN: Content-Security-Policy connect-src',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/connect-src',
    },
    {
      title: 'Content Security Policy Level 3: connect-src',
      url: 'https://www.w3.org/TR/CSP3/#directive-connect-src',
    },
    {
      title: 'web-platform-tests: content-security-policy/connect-src',
      url: 'https://github.com/web-platform-tests/wpt/tree/master/content-security-policy/connect-src',
    },
  ],
  request: { target: 'partner', path: '/figures', page: { kind: 'frame', origin: '{api}' } },
  broken: {
    pageHeaders: { 'Content-Security-Policy': "connect-src 'self'" },
    middleware: [allowPage],
    outcome: {
      verdict: 'blocked',
      cause: 'csp',
      consoleLines: [
        "Connecting to '{url}' violates the following Content Security Policy directive: \"connect-src 'self'\". " +
          'The action has been blocked.',
        "Fetch API cannot load {url}. Refused to connect because it violates the document's Content Security Policy.",
      ],
      issue: { code: 'ContentSecurityPolicyIssue', reason: 'kURLViolation' },
    },
    exchanges: [],
  },
  fixed: {
    pageHeaders: { 'Content-Security-Policy': "connect-src 'self' {partner}" },
    middleware: [allowPage],
    response: { body: { visitors: 5120, signups: 87 } },
  },
});
