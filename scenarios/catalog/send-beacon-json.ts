import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'send-beacon-json',
  title: 'JSON beacon under a wildcard origin',
  category: 'initiators',
  story:
    'The page at {app} reports page views to the analytics API at {api} with navigator.sendBeacon(), ' +
    "sending a JSON Blob so that the server's JSON parser accepts it.",
  explanation:
    'A beacon always includes credentials, and a Blob of type application/json is not a CORS-safelisted ' +
    "Content-Type, so the browser first sends a preflight. The API uses cors() with origin: '*' and " +
    'credentials: true, and * never matches a credentialed request, so the POST is never sent. ' +
    'sendBeacon() still returned true, because it only says that the browser queued the beacon: the ' +
    'page never learns about the failure, which shows only in the console and the server records.',
  rule: 'A beacon is credentialed, so its preflight answer must name the exact origin, never *.',
  fix: {
    summary:
      'Replace the wildcard with an allowlist that contains {app}, keeping credentials: true and ' +
      "allowHeaders: ['Content-Type']. Sending the JSON as text/plain would avoid the preflight, but " +
      'the POST would still need the same headers on its response.',
    diff: [
      { exchange: 'preflight', header: 'Access-Control-Allow-Origin', broken: '*', fixed: '{app}' },
      {
        exchange: 'preflight',
        header: 'Vary',
        broken: 'Access-Control-Request-Headers',
        fixed: 'Origin, Access-Control-Request-Headers',
      },
    ],
  },
  references: [
    { title: 'Beacon: sendBeacon() method', url: 'https://w3c.github.io/beacon/#sendbeacon-method' },
    {
      title: 'MDN: Navigator.sendBeacon()',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/Navigator/sendBeacon',
    },
  ],
  request: {
    initiator: 'beacon',
    path: '/page-views',
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"page":"/pricing"}',
    credentials: 'include',
  },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: '*', credentials: true, allowHeaders: ['Content-Type'] } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightWildcardOriginNotAllowed',
      detail: {},
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Origin' },
    },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true, allowHeaders: ['Content-Type'] } }],
  },
});
