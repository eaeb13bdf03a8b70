import { defineScenario } from '../define.ts';

const orders = { page: 1, firstOrder: 1041 };

export default defineScenario({
  id: 'expose-star-with-credentials',
  title: 'Access-Control-Expose-Headers: * on a credentialed request',
  category: 'silent',
  covers: ['silent-expose-star-credentials'],
  story:
    "The signed-in order list at {app} fetches the user's orders from {api} with credentials: 'include', " +
    'and reads the total from the X-Total-Count response header.',
  explanation:
    'To expose every header, the server sends Access-Control-Expose-Headers: *. The response passes the ' +
    'CORS check: it names the exact origin and allows credentials. But on a request with credentials, * in ' +
    'Access-Control-Expose-Headers is not a wildcard: it exposes a header literally named "*". ' +
    "X-Total-Count stays hidden, so get('X-Total-Count') returns null, and the browser prints nothing about it.",
  rule: 'With credentials, * in Access-Control-Expose-Headers means a header named "*": list the names.',
  fix: {
    summary: "List the header names in cors()'s exposeHeaders option instead of '*'.",
    diff: [{ exchange: 'actual', header: 'Access-Control-Expose-Headers', broken: '*', fixed: 'X-Total-Count' }],
  },
  references: [
    {
      title: 'Fetch Standard: Access-Control-Expose-Headers and credentials',
      url: 'https://fetch.spec.whatwg.org/#http-access-control-expose-headers',
    },
    {
      title: 'MDN: Access-Control-Expose-Headers',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers',
    },
    {
      title: 'web-platform-tests: fetch/api/cors/cors-expose-star.sub.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/cors/cors-expose-star.sub.any.js',
    },
  ],
  request: { path: '/orders', credentials: 'include' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true, exposeHeaders: ['*'] } }],
    response: { body: orders, headers: { 'X-Total-Count': '42' } },
    symptoms: [{ kind: 'response-header', name: 'X-Total-Count', value: null }],
  },
  fixed: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'], credentials: true, exposeHeaders: ['X-Total-Count'] } },
    ],
    response: { body: orders, headers: { 'X-Total-Count': '42' } },
    symptoms: [{ kind: 'response-header', name: 'X-Total-Count', value: '42' }],
  },
});
