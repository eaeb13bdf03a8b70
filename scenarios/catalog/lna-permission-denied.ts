import { localNetworkAccessReason } from '../chromium-messages.ts';
import { defineScenario } from '../define.ts';
import type { Middleware } from '../types.ts';

// The partner's API allows the page's origin, so CORS would let the response through.
const allowPage: Middleware = { kind: 'cors', settings: { origin: '{api}' } };

export default defineScenario({
  id: 'lna-permission-denied',
  title: 'Local Network Access: a public page may not reach localhost',
  category: 'look-alikes',
  story:
    "The vendor's configuration page, served from the internet, talks to the printer agent that the user runs on " +
    'their own machine at {partner}. The agent allows the page\'s origin with CORS, yet the page shows "Failed ' +
    'to fetch". Here the page at {api} plays the public page: it is served with Content-Security-Policy: ' +
    'treat-as-public-address, which makes Chromium treat it as if it came from the internet.',
  explanation:
    "Chromium's Local Network Access lets a page from a public address reach a local or loopback address only " +
    'after the user allows it in a permission prompt. Without that permission the browser sends nothing, and ' +
    'prints a console line that does say "blocked by CORS policy", with a reason about the address space: ' +
    'Permission was denied for this request to access the `loopback` address space. The DevTools issue is a ' +
    'CorsIssue too, but no header the agent sends can change it: the agent never sees the request, and the ' +
    "decision is the user's. A headless Chromium, as in the e2e suite, denies the prompt by itself.",
  rule: "A public page reaches a local or loopback address only with the user's Local Network Access permission, whatever CORS allows.",
  fix: {
    summary:
      'Let the user allow the prompt ("Look for and connect to any device on your local network", or "apps on ' +
      'this device"). In your own browser, allow it when Chromium asks; to see the block again, reset the ' +
      "permission in the site settings. A test grants it with Playwright's " +
      "context.grantPermissions(['local-network-access'], { origin }).",
    diff: [],
  },
  covers: ['local-network-access'],
  references: [
    {
      title: 'Local Network Access (WICG explainer)',
      url: 'https://github.com/WICG/local-network-access/blob/main/explainer.md',
    },
    {
      title: 'Chrome for Developers: New permission prompt for Local Network Access',
      url: 'https://developer.chrome.com/blog/local-network-access',
    },
    {
      title: 'web-platform-tests: fetch/local-network-access',
      url: 'https://github.com/web-platform-tests/wpt/tree/master/fetch/local-network-access',
    },
  ],
  request: { target: 'partner', path: '/printer/status', page: { kind: 'frame', origin: '{api}' } },
  broken: {
    pageHeaders: { 'Content-Security-Policy': 'treat-as-public-address' },
    middleware: [allowPage],
    outcome: {
      verdict: 'blocked',
      cause: 'local-network-access',
      consoleLines: [
        "Access to fetch at '{url}' from origin '{origin}' has been blocked by CORS policy: " +
          localNetworkAccessReason('LocalNetworkAccessPermissionDenied', 'loopback'),
        'Failed to load resource: net::ERR_FAILED',
      ],
      issue: { code: 'CorsIssue', reason: 'LocalNetworkAccessPermissionDenied' },
    },
    exchanges: [],
  },
  fixed: {
    request: { permissions: ['local-network-access'] },
    pageHeaders: { 'Content-Security-Policy': 'treat-as-public-address' },
    middleware: [allowPage],
    response: { body: { printer: 'ready', paper: 'A4' } },
    // Observed: the request goes through and nothing is printed, but DevTools still lists this issue.
    issuesWhenAllowed: [{ code: 'CorsIssue', reason: 'LocalNetworkAccessPermissionDenied' }],
  },
});
