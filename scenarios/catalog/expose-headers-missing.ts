import { defineScenario } from '../define.ts';

const orders = { page: 1, firstOrder: 1041 };

export default defineScenario({
  id: 'expose-headers-missing',
  title: 'A custom response header that JavaScript cannot read',
  category: 'silent',
  covers: ['silent-unexposed-header'],
  story:
    'The order list at {app} fetches one page of orders from {api}, and reads the total from the ' +
    "X-Total-Count response header to show how many pages there are: response.headers.get('X-Total-Count').",
  explanation:
    'The request passes the CORS check, and the server sends X-Total-Count: 42, as DevTools and the wire ' +
    'show. But a cross-origin response shows JavaScript only the CORS-safelisted response headers ' +
    '(Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma) and ' +
    'those the server names in Access-Control-Expose-Headers. X-Total-Count is neither, so get() returns ' +
    'null, and the browser prints nothing about it.',
  rule: 'JavaScript reads a cross-origin response header only if Access-Control-Expose-Headers lists it.',
  fix: {
    summary: "List the header in cors()'s exposeHeaders option, which sends Access-Control-Expose-Headers.",
    diff: [{ exchange: 'actual', header: 'Access-Control-Expose-Headers', fixed: 'X-Total-Count' }],
  },
  references: [
    {
      title: 'Fetch Standard: CORS-safelisted response-header name',
      url: 'https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name',
    },
    {
      title: 'MDN: Access-Control-Expose-Headers',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers',
    },
    {
      title: 'web-platform-tests: fetch/api/cors/cors-filtering.sub.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/cors/cors-filtering.sub.any.js',
    },
  ],
  request: { path: '/orders' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { body: orders, headers: { 'X-Total-Count': '42' } },
    symptoms: [{ kind: 'response-header', name: 'X-Total-Count', value: null }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], exposeHeaders: ['X-Total-Count'] } }],
    response: { body: orders, headers: { 'X-Total-Count': '42' } },
    symptoms: [{ kind: 'response-header', name: 'X-Total-Count', value: '42' }],
  },
});
