import { defineScenario } from '../define.ts';

const order = JSON.stringify({ item: 'tea', quantity: 2 });

export default defineScenario({
  id: 'no-cors-opaque',
  title: "mode: 'no-cors' to get rid of a CORS error",
  category: 'silent',
  covers: ['silent-no-cors-opaque'],
  story:
    'The shop at {app} posts an order as JSON to {api}, with an X-Api-Key header. A CORS error stopped it, ' +
    "and an answer online said to add mode: 'no-cors'. The error is gone, and the page reads the new " +
    "order's id with await response.json().",
  explanation:
    "mode: 'no-cors' does not turn CORS off: it asks for a response the page may not read. The browser " +
    'sends the request without a preflight, so it removes everything that would need one: the X-Api-Key ' +
    'header is dropped, and Content-Type: application/json is left out, so the body goes as ' +
    'text/plain;charset=UTF-8. The server answers 200 with JSON, but the page gets an opaque response: ' +
    'type "opaque", status 0, no headers and an empty body, so response.json() throws a SyntaxError. ' +
    'The console stays silent, because nothing was blocked.',
  rule: "mode: 'no-cors' gives an opaque response that JavaScript cannot read: configure CORS on the server instead.",
  fix: {
    summary:
      "Remove mode: 'no-cors', and let the server answer with cors(): an allowlist with {app}, and " +
      'allowHeaders with Content-Type and X-Api-Key for the preflight.',
    diff: [
      { exchange: 'preflight', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Headers', fixed: 'Content-Type,X-Api-Key' },
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
    ],
  },
  references: [
    {
      title: 'Fetch Standard: request mode',
      url: 'https://fetch.spec.whatwg.org/#concept-request-mode',
    },
    {
      title: 'Fetch Standard: opaque filtered response',
      url: 'https://fetch.spec.whatwg.org/#concept-filtered-response-opaque',
    },
    {
      title: 'MDN: Request mode property',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/Request/mode',
    },
  ],
  request: {
    mode: 'no-cors',
    method: 'POST',
    path: '/orders',
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'demo-key' },
    body: order,
  },
  broken: {
    response: { status: 201, body: { id: 7 } },
    symptoms: [
      { kind: 'request-header', name: 'X-Api-Key', value: null },
      { kind: 'request-header', name: 'Content-Type', value: 'text/plain;charset=UTF-8' },
      { kind: 'response-type', value: 'opaque' },
      { kind: 'response-header', name: 'Content-Type', value: null },
      { kind: 'json', value: 'SyntaxError: Unexpected end of input' },
    ],
  },
  fixed: {
    request: { mode: 'cors' },
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['Content-Type', 'X-Api-Key'] } }],
    response: { status: 201, body: { id: 7 } },
    symptoms: [
      { kind: 'request-header', name: 'X-Api-Key', value: 'demo-key' },
      { kind: 'request-header', name: 'Content-Type', value: 'application/json' },
      { kind: 'response-type', value: 'cors' },
      { kind: 'response-header', name: 'Content-Type', value: 'application/json' },
      { kind: 'json', value: '{"id":7}' },
    ],
  },
});
