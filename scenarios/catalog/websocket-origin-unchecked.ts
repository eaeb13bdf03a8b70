import { defineScenario } from '../define.ts';

const message = { room: 'support', from: 'Ada', text: 'The new door code is 4921' };

export default defineScenario({
  id: 'websocket-origin-unchecked',
  title: 'A WebSocket server that never checks Origin',
  category: 'security',
  covers: ['websocket-origin-unchecked'],
  story:
    "The support chat at {app} streams messages from a WebSocket server at {api}, on the company's internal " +
    "network, which needs no login. The API's CORS settings allow only {app}, so its developer assumes other " +
    "sites are kept out. An employee visits an attacker's page at {attacker}, whose script opens the same " +
    'WebSocket.',
  explanation:
    'WebSockets are not subject to CORS. The browser sends the page origin in the Origin header of the ' +
    'handshake, but it never checks the answer: once the server accepts, any page reads every message. This ' +
    "server never looks at Origin, so the attacker's script reads the chat. With cookie sign-in it is the " +
    "same attack, known as cross-site WebSocket hijacking: the handshake carries the user's cookies wherever " +
    'the browser sends them to that site, such as from a sibling subdomain, or from any site to a SameSite=None ' +
    'cookie in a browser that allows third-party cookies.',
  rule: 'Check the Origin of every WebSocket handshake against an allowlist: CORS does not protect WebSockets.',
  fix: {
    summary:
      "Refuse every handshake whose Origin is not on the list, here with ws's verifyClient, which answers 403. " +
      "The chat at {app} keeps working, because its origin is on the list; the attacker's page gets a failed " +
      'connection and no message.',
    diff: [{ exchange: 'actual', header: ':status', broken: '101', fixed: '403' }],
  },
  references: [
    {
      title: 'RFC 6455: The WebSocket Protocol, origin considerations',
      url: 'https://www.rfc-editor.org/rfc/rfc6455#section-10.2',
    },
    {
      title: 'PortSwigger Web Security Academy: cross-site WebSocket hijacking',
      url: 'https://portswigger.net/web-security/websockets/cross-site-websocket-hijacking',
    },
    {
      title: 'ws: verifyClient and handling the upgrade yourself',
      url: 'https://github.com/websockets/ws#client-authentication',
    },
  ],
  request: { initiator: 'websocket', path: '/chat', page: { kind: 'frame', origin: '{attacker}' } },
  broken: {
    response: { body: message },
    exchanges: [{ server: 'api', method: 'GET', status: 101 }],
    js: { kind: 'loaded', text: `message event: ${JSON.stringify(message)}` },
  },
  fixed: {
    middleware: [{ kind: 'websocket-origin-check', origin: ['{app}'] }],
    response: { body: message },
    outcome: {
      verdict: 'blocked',
      cause: 'websocket-handshake',
      consoleLines: [
        "WebSocket connection to '{url}' failed: Error during WebSocket handshake: Unexpected response code: 403",
      ],
    },
    exchanges: [{ server: 'api', method: 'GET', status: 403 }],
  },
});
