import { localNetworkAccessReason } from '../chromium-messages.ts';
import { defineScenario } from '../define.ts';
import type { Middleware } from '../types.ts';

// The agent allows both pages' origins, so CORS would let the response through.
const allowPages: Middleware = { kind: 'cors', settings: { origin: ['{api}', 'http://api.test:{api.port}'] } };

const treatAsPublic = { 'Content-Security-Policy': 'treat-as-public-address' };

export default defineScenario({
  id: 'lna-insecure-context',
  title: 'Local Network Access: an http page may not even ask',
  category: 'look-alikes',
  story:
    "The vendor's configuration page talks to the printer agent on the user's machine at {partner}. The page is " +
    'served over plain http from a host name, here http://api.test:{api.port}, and shows "Failed to fetch", ' +
    'although the agent allows it with CORS. Like the page of lna-permission-denied, it is served with ' +
    'Content-Security-Policy: treat-as-public-address, so Chromium treats it as a page from the internet.',
  explanation:
    'A page on a public address may reach a local or loopback one only from a secure context, and only with ' +
    'the permission of the user. A page over http from a host name is no secure context, so Chromium does not ' +
    'even ask: it sends nothing and prints "blocked by CORS policy: The request client is not a secure context ' +
    'and the resource is in more-private address space `loopback`". The DevTools issue is a CorsIssue ' +
    '(InsecureLocalNetwork), yet no CORS header can fix it: the agent never sees the request. To reproduce ' +
    'it, your browser must resolve api.test to this machine: npm run browser starts Chromium with that rule.',
  rule: 'Only a secure context may ask the user to reach a local or loopback address: serve the page over https.',
  fix: {
    summary:
      'Serve the page from a secure context: https in production. http://localhost counts as secure too, which ' +
      'the fixed variant uses: {api}. Chromium then asks the user, who must allow the prompt, as in lna-permission-denied.',
    diff: [],
  },
  covers: ['local-network-access'],
  references: [
    {
      title: 'Local Network Access (WICG explainer)',
      url: 'https://github.com/WICG/local-network-access/blob/main/explainer.md',
    },
    {
      title: 'W3C Secure Contexts: potentially trustworthy origins',
      url: 'https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy',
    },
    {
      title: 'web-platform-tests: fetch/local-network-access',
      url: 'https://github.com/web-platform-tests/wpt/tree/master/fetch/local-network-access',
    },
  ],
  request: {
    target: 'partner',
    path: '/printer/status',
    page: { kind: 'frame', origin: 'http://api.test:{api.port}' },
  },
  broken: {
    pageHeaders: treatAsPublic,
    middleware: [allowPages],
    outcome: {
      verdict: 'blocked',
      cause: 'local-network-access',
      consoleLines: [
        "Access to fetch at '{url}' from origin '{origin}' has been blocked by CORS policy: " +
          localNetworkAccessReason('InsecureLocalNetwork', 'loopback'),
        'Failed to load resource: net::ERR_FAILED',
      ],
      issue: { code: 'CorsIssue', reason: 'InsecureLocalNetwork' },
      // Observed: DevTools also lists the permission issue, although no prompt was shown.
      otherIssues: [{ code: 'CorsIssue', reason: 'LocalNetworkAccessPermissionDenied' }],
    },
    exchanges: [],
  },
  fixed: {
    request: { page: { kind: 'frame', origin: '{api}' }, permissions: ['local-network-access'] },
    pageHeaders: treatAsPublic,
    middleware: [allowPages],
    response: { body: { printer: 'ready', paper: 'A4' } },
    // Observed: the request goes through and nothing is printed, but DevTools still lists this issue.
    issuesWhenAllowed: [{ code: 'CorsIssue', reason: 'LocalNetworkAccessPermissionDenied' }],
  },
});
