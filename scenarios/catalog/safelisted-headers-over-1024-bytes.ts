import { defineScenario } from '../define.ts';

/** The limit on one safelisted header value, to which the page pads every value. */
const maxValueBytes = 128;

/**
 * Eight values of exactly 128 bytes and `Save-Data: on`: 1026 bytes in all, two past the limit.
 * Every header is safelisted on its own in Chromium 156, and without `Save-Data` the total is
 * exactly 1024 bytes, which needs no preflight.
 */
const paddedHeaders: Readonly<Record<string, string>> = {
  Accept: 'text/plain, application/json;pad='.padEnd(maxValueBytes, '0'),
  'Accept-Language': 'en-US,en;q=0.9;pad='.padEnd(maxValueBytes, '0'),
  'Content-Language': 'en-US;pad='.padEnd(maxValueBytes, '0'),
  'Content-Type': 'text/plain;charset=UTF-8;pad='.padEnd(maxValueBytes, '0'),
  DPR: '2.'.padEnd(maxValueBytes, '0'),
  Width: '1280'.padStart(maxValueBytes, '0'),
  'Viewport-Width': '1280'.padStart(maxValueBytes, '0'),
  'Device-Memory': '8'.padStart(maxValueBytes, '0'),
  'Save-Data': 'on',
};

export default defineScenario({
  id: 'safelisted-headers-over-1024-bytes',
  title: 'Safelisted headers that add up to more than 1024 bytes',
  category: 'preflight-triggers',
  story:
    'The telemetry client at {app} posts a text/plain report to {api} and describes the device in ' +
    'headers that keep a request simple: Accept, Accept-Language, Content-Language, Content-Type and the ' +
    'client hints DPR, Width, Viewport-Width, Device-Memory and Save-Data. So that every report has the ' +
    'same size, it pads each value to 128 bytes, the limit for one safelisted value. The server answers ' +
    'simple requests with Access-Control-Allow-Origin and has no preflight handling.',
  explanation:
    'Each header is safelisted on its own, but the values of all safelisted headers may add up to 1024 ' +
    'bytes at most. These add up to 1026, so every one of them counts as unsafe: the POST needs a ' +
    'preflight that names all nine in Access-Control-Request-Headers, and the server answers it 404. ' +
    'Chromium 156 enforces the total. It can only be passed with names that Chromium safelists beyond ' +
    'the standard, the client hints here, because the five standard names hold at most 640 bytes and ' +
    'Chromium merges a repeated header into one value, which then breaks the 128-byte limit by itself.',
  rule: 'Safelisted header values may add up to 1024 bytes; past that, all of them need a preflight.',
  fix: {
    summary:
      "Answer preflights with Hono's cors() middleware, allowing the nine headers. Sending fewer or " +
      'shorter values, such as the client hints without padding, would keep the request simple.',
    diff: [
      { exchange: 'preflight', header: ':status', broken: '404', fixed: '204' },
      {
        exchange: 'preflight',
        header: 'Access-Control-Allow-Headers',
        fixed: 'Accept,Accept-Language,Content-Language,Content-Type,DPR,Width,Viewport-Width,Device-Memory,Save-Data',
      },
    ],
  },
  covers: ['trigger-safelisted-total-size'],
  references: [
    {
      title: 'Fetch Standard: CORS-unsafe request-header names',
      url: 'https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names',
    },
    {
      title: 'Fetch Standard: CORS-safelisted request-header',
      url: 'https://fetch.spec.whatwg.org/#cors-safelisted-request-header',
    },
    {
      title: 'web-platform-tests: cors/client-hint-request-headers.htm',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/cors/client-hint-request-headers.htm',
    },
  ],
  request: { path: '/reports', method: 'POST', headers: paddedHeaders, body: 'cpu=12&memory=48' },
  broken: {
    middleware: [{ kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}' } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightInvalidStatus',
      detail: {},
      fault: { exchange: 'preflight', status: true },
    },
    exchanges: [{ server: 'api', method: 'OPTIONS', status: 404 }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: Object.keys(paddedHeaders) } }],
  },
});
