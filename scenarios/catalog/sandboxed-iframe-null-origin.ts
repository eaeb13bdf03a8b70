import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'sandboxed-iframe-null-origin',
  title: 'A sandboxed iframe sends Origin: null',
  category: 'look-alikes',
  story:
    'The documentation site at {app} runs readers\' code samples in <iframe sandbox="allow-scripts">, so that a ' +
    'sample cannot touch the page. A sample fetches the public status API at {api}, which sends ' +
    'Access-Control-Allow-Origin: {app} on every response, and fails with "Failed to fetch", although the same ' +
    'call works on the page itself.',
  explanation:
    'A sandboxed iframe without allow-same-origin gets an opaque origin, whatever URL it comes from, and the ' +
    'browser sends it as Origin: null. The API answers Access-Control-Allow-Origin: {app}, which is not null, ' +
    "so the CORS check fails, and the console names the frame's origin: from origin 'null'. This one is a real " +
    'CORS block, but it looks like a mystery, because the API allows the page the learner sees. The origin ' +
    "'null' in the console line is the clue. Answering Access-Control-Allow-Origin: null would let it " +
    'through, and would let every sandboxed frame on every site read the response too: never do that for ' +
    'data that needs credentials or a private network.',
  rule: 'A sandboxed iframe, a file:// page and some redirects send Origin: null, which no allowlist of real origins matches.',
  fix: {
    summary:
      'The status is public and needs no credentials, so let the API answer Access-Control-Allow-Origin: * ' +
      "(cors({ origin: '*' })). For private data, run the code in a frame with a real origin, such as a " +
      'separate sandbox domain that the API allows by name; never add null to the allowlist.',
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: '{app}', fixed: '*' }],
  },
  covers: ['sandboxed-origin-null'],
  references: [
    {
      title: 'HTML Standard: the sandbox attribute and opaque origins',
      url: 'https://html.spec.whatwg.org/multipage/iframe-embed-object.html#attr-iframe-sandbox',
    },
    { title: 'Fetch Standard: the Origin header', url: 'https://fetch.spec.whatwg.org/#origin-header' },
    {
      title: 'MDN: Reason: CORS header Access-Control-Allow-Origin does not match',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSAllowOriginNotMatchingOrigin',
    },
  ],
  request: { path: '/status', page: { kind: 'sandboxed-frame' } },
  broken: {
    middleware: [{ kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}' } }],
    response: { body: { status: 'operational' } },
    outcome: {
      verdict: 'blocked',
      stage: 'response',
      corsError: 'AllowOriginMismatch',
      detail: { value: '{app}' },
      fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
    },
    exchanges: [{ server: 'api', method: 'GET', status: 200, origin: 'null' }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: '*' } }],
    response: { body: { status: 'operational' } },
    exchanges: [{ server: 'api', method: 'GET', status: 200, origin: 'null' }],
  },
});
