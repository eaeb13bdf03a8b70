import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

/** One server-sent event, after which the route ends the stream. */
const priceEvent = { contentType: 'text/event-stream', text: 'data: Hello from the API\n\n' };

export default defineScenario({
  id: 'event-source-missing-allow-origin',
  title: 'EventSource without Access-Control-Allow-Origin',
  category: 'initiators',
  story: 'The trading page at {app} listens for price updates from {api} with new EventSource(url).',
  explanation:
    'An EventSource to another origin opens a CORS request, a GET with Accept: text/event-stream, which ' +
    'needs no preflight. The stream comes back without an Access-Control-Allow-Origin header, so the ' +
    "browser fails the connection: the EventSource fires 'error', its readyState becomes 2 (CLOSED), " +
    'and it does not reconnect. Chromium names the request "resource" in the console message.',
  rule: 'An EventSource to another origin opens only if Access-Control-Allow-Origin names the page origin.',
  fix: {
    summary:
      "Add Hono's cors() middleware with an allowlist that contains {app}. The first event then reaches " +
      'the page; this page closes the EventSource after it, because an EventSource reconnects whenever ' +
      'the stream ends.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    {
      title: 'HTML Standard: the EventSource interface',
      url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html#the-eventsource-interface',
    },
    { title: 'MDN: EventSource', url: 'https://developer.mozilla.org/en-US/docs/Web/API/EventSource' },
  ],
  request: { initiator: 'event-source', path: '/prices' },
  broken: {
    response: { raw: priceEvent },
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { raw: priceEvent },
    js: { kind: 'loaded', text: 'message event: Hello from the API' },
  },
});
