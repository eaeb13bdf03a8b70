import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

export default defineScenario({
  id: 'xhr-missing-allow-origin',
  title: 'XMLHttpRequest without Access-Control-Allow-Origin',
  category: 'initiators',
  story:
    'The reporting page at {app} still loads its figures from {api} with an XMLHttpRequest, through an ' +
    'older AJAX library.',
  explanation:
    'XMLHttpRequest follows the same CORS rules as fetch(). The GET is a simple request, so the server ' +
    'runs it and answers 200, but the response carries no Access-Control-Allow-Origin header and the ' +
    "browser hides it. The XHR fires an 'error' event with status 0 and an empty responseText, and the " +
    'console message starts with "Access to XMLHttpRequest".',
  rule: 'XMLHttpRequest reads a cross-origin response only if Access-Control-Allow-Origin names the page origin.',
  fix: {
    summary:
      "Add Hono's cors() middleware with an allowlist that contains {app}. The fix is the same as for " +
      'fetch(), because the CORS check does not depend on the API that sent the request.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    { title: 'XMLHttpRequest Standard: the send() method', url: 'https://xhr.spec.whatwg.org/#the-send()-method' },
    { title: 'Fetch Standard: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
  ],
  request: { initiator: 'xhr', path: '/figures' },
  broken: {
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
  },
});
