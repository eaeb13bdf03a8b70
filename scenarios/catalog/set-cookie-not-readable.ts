import { defineScenario } from '../define.ts';

const sessionCookie = (variant: string) =>
  `session=7f3a9c; Path=/scenarios/set-cookie-not-readable/${variant}/; HttpOnly; SameSite=Lax`;

export default defineScenario({
  id: 'set-cookie-not-readable',
  title: 'Set-Cookie listed in Access-Control-Expose-Headers',
  category: 'silent',
  covers: ['silent-set-cookie'],
  story:
    "The app at {app} signs the user in with a POST to {api} with credentials: 'include'. It wants the " +
    "session token, to send it back as a header, so it reads response.headers.get('Set-Cookie').",
  explanation:
    'The server lists Set-Cookie in Access-Control-Expose-Headers, and the response passes the CORS check. ' +
    'But Set-Cookie is a forbidden response-header name: no response, same-origin or cross-origin, ever ' +
    "shows it to JavaScript, whatever the server exposes. get('Set-Cookie') returns null without a word in " +
    'the console. The browser did store the cookie, and sends it on later credentialed requests to that ' +
    'path; a script just cannot read it, and an HttpOnly cookie not even through document.cookie.',
  rule: 'JavaScript can never read Set-Cookie: let the cookie jar send the cookie, or send the value in the body or another header.',
  fix: {
    summary:
      "Leave the cookie to the browser, which sends it with credentials: 'include'. When the page needs a value, such " +
      'as a CSRF token, send it in its own header and list that header in exposeHeaders, or put it in the JSON body.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Expose-Headers', broken: 'Set-Cookie', fixed: 'X-Csrf-Token' },
      { exchange: 'actual', header: 'X-Csrf-Token', fixed: 'c41d7e' },
    ],
  },
  references: [
    {
      title: 'Fetch Standard: forbidden response-header name',
      url: 'https://fetch.spec.whatwg.org/#forbidden-response-header-name',
    },
    {
      title: 'MDN: Set-Cookie',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie',
    },
    {
      title: 'web-platform-tests: fetch/api/cors/cors-filtering.sub.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/cors/cors-filtering.sub.any.js',
    },
  ],
  request: { method: 'POST', path: '/session', credentials: 'include' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true, exposeHeaders: ['Set-Cookie'] } }],
    response: { body: { signedIn: true }, headers: { 'Set-Cookie': sessionCookie('broken') } },
    symptoms: [{ kind: 'response-header', name: 'Set-Cookie', value: null }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true, exposeHeaders: ['X-Csrf-Token'] } }],
    response: {
      body: { signedIn: true },
      headers: { 'Set-Cookie': sessionCookie('fixed'), 'X-Csrf-Token': 'c41d7e' },
    },
    symptoms: [
      { kind: 'response-header', name: 'Set-Cookie', value: null },
      { kind: 'response-header', name: 'X-Csrf-Token', value: 'c41d7e' },
    ],
  },
});
