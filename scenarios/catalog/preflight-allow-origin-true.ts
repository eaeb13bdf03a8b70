import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'preflight-allow-origin-true',
  title: 'Access-Control-Allow-Origin: true on the preflight',
  category: 'preflight',
  story:
    'The settings page at {app} saves a profile with a PUT to {api}. The API was ported from an Express app ' +
    "whose cors({ origin: true }) meant 'echo the request origin'. The port handles OPTIONS by hand, before " +
    "Hono's cors(), and writes that true straight into the header.",
  explanation:
    'The PUT needs a preflight, and the hand-written OPTIONS handler responds to it before cors() runs. Its ' +
    "Access-Control-Allow-Origin is the word true: in Express's option it meant 'reflect the origin', but in " +
    'the header it is just a value that is neither *, null nor an origin. The browser rejects it as invalid, ' +
    'so the PUT is never sent.',
  rule: 'Access-Control-Allow-Origin must be *, null or one serialized origin, on the preflight as on the response.',
  fix: {
    summary:
      "Delete the hand-written OPTIONS handler and let Hono's cors() answer preflights, with the allowed origins " +
      'listed: it echoes the request origin when it is on the list.',
    diff: [
      { exchange: 'preflight', header: 'Access-Control-Allow-Origin', broken: 'true', fixed: '{app}' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Methods', broken: 'PUT', fixed: 'GET,POST,PUT' },
      { exchange: 'preflight', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    {
      title: 'Fetch Standard: Access-Control-Allow-Origin',
      url: 'https://fetch.spec.whatwg.org/#http-access-control-allow-origin',
    },
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
  ],
  request: { path: '/profile', method: 'PUT', body: 'name=Ada' },
  broken: {
    middleware: [
      {
        kind: 'answer-options',
        headers: { 'Access-Control-Allow-Origin': 'true', 'Access-Control-Allow-Methods': 'PUT' },
      },
      { kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightInvalidAllowOriginValue',
      detail: { value: 'true' },
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Origin' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } }],
  },
});
