import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'method-case-patch',
  title: "fetch() with method: 'patch' in lowercase",
  category: 'preflight-triggers',
  story:
    "The profile page at {app} saves a changed display name with fetch(url, { method: 'patch' }) to {api}. " +
    "The API uses Hono's cors() and allows GET, POST and PATCH.",
  explanation:
    'fetch() uppercases only DELETE, GET, HEAD, OPTIONS, POST and PUT, so a lowercase patch stays patch: ' +
    'the preflight asks with Access-Control-Request-Method: patch. The browser compares methods ' +
    'case-sensitively, and the server allows PATCH, not patch, so the browser blocks the request at the ' +
    'preflight and never sends it. The same code with put or delete works, which is why this one surprises. ' +
    "Outside the browser the lowercase method fails too: Node's HTTP server accepts only uppercase methods " +
    'and answers patch with 400 Bad Request.',
  rule: 'fetch() uppercases only DELETE, GET, HEAD, OPTIONS, POST and PUT: write PATCH, never patch.',
  fix: {
    summary:
      "Write the method in uppercase in the page's code: fetch(url, { method: 'PATCH' }). The server " +
      'stays as it is. Adding patch to allowMethods would also pass, but it hides the mistake in the page.',
    // The fix is in the page, not in a response, so no response header changes.
    diff: [],
  },
  covers: ['trigger-method-case'],
  references: [
    {
      title: 'Fetch Standard: method normalization',
      url: 'https://fetch.spec.whatwg.org/#concept-method-normalize',
    },
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
    {
      title: 'MDN: fetch() method option',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/RequestInit#method',
    },
  ],
  request: {
    path: '/profile',
    method: 'patch',
    headers: { 'Content-Type': 'application/json' },
    body: '{"displayName":"Ada"}',
  },
  broken: {
    middleware: [
      {
        kind: 'cors',
        settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PATCH'], allowHeaders: ['Content-Type'] },
      },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'MethodDisallowedByPreflightResponse',
      detail: { method: 'patch' },
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Methods' },
    },
  },
  fixed: {
    request: { method: 'PATCH' },
    middleware: [
      {
        kind: 'cors',
        settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PATCH'], allowHeaders: ['Content-Type'] },
      },
    ],
  },
});
