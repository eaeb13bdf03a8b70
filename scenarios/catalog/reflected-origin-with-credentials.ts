import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

const cookie = { name: 'session', value: 'ada', attributes: 'HttpOnly; SameSite=Lax' };

/** Another port on the API's own host: the same site, as a sibling subdomain is in production. */
const siblingPage = 'http://localhost:{attacker.port}';

export default defineScenario({
  id: 'reflected-origin-with-credentials',
  title: 'Any Origin echoed back with Access-Control-Allow-Credentials',
  category: 'security',
  covers: ['reflected-origin-credentials'],
  story:
    'Ada has signed in to the bank app at {app}, and the account API at {api} knows her by a session cookie. ' +
    "To make CORS errors go away, the API's developer copied the request's Origin into " +
    `Access-Control-Allow-Origin and turned on credentials. Later Ada opens a page at ${siblingPage}, an ` +
    "attacker's page on the same site, as a hijacked blog on blog.example.com is for api.example.com. Its " +
    "script fetches her account with credentials: 'include'.",
  explanation:
    'The API answers every Origin with that same origin and Access-Control-Allow-Credentials: true, which is ' +
    "exactly what the CORS check asks for, so the browser hands the attacker's script Ada's account, read " +
    "with her own cookie. Nothing fails and nothing appears in the console. Here the attacker's page is on " +
    'the same site, so even a SameSite=Lax cookie goes along. A page on another site, such as {attacker}, ' +
    'gets the same answer wherever the browser sends the cookie to third parties: a SameSite=None cookie in a ' +
    'browser that allows third-party cookies. Chromium 156 as the e2e suite runs it (a fresh Playwright ' +
    'context) sent neither a SameSite=None; Secure nor a SameSite=Lax cookie from a page on another site, so ' +
    'the suite shows the same-site case.',
  rule: 'Never echo an Origin you have not checked: allow credentials only for the exact origins on your list.',
  fix: {
    summary:
      'Check the Origin against a list of exact origins and echo it only when it is there: cors({ origin: ' +
      "['{app}'], credentials: true }). The app keeps working, because its origin is on the list; the " +
      "attacker's page gets no Access-Control-Allow-Origin, so the browser keeps the response from it.",
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: siblingPage }],
  },
  references: [
    {
      title: 'Fetch Standard: CORS protocol and credentials',
      url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-credentials',
    },
    {
      title: 'PortSwigger Web Security Academy: CORS vulnerabilities',
      url: 'https://portswigger.net/web-security/cors',
    },
    {
      title: 'MDN: Access-Control-Allow-Origin',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin',
    },
  ],
  request: {
    path: '/account',
    credentials: 'include',
    signIn: { via: 'fetch', cookie },
    page: { kind: 'frame', origin: siblingPage },
  },
  broken: {
    middleware: [{ kind: 'cors-origin-check', exact: [], pattern: { kind: 'any' }, settings: { credentials: true } }],
    response: { body: { user: 'ada', iban: 'DE89 3704 0044 0532 0130 00', balance: 1250 } },
    symptoms: [{ kind: 'request-header', name: 'Cookie', value: 'session=ada' }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true } }],
    response: { body: { user: 'ada', iban: 'DE89 3704 0044 0532 0130 00', balance: 1250 } },
    outcome: missingAllowOriginAtResponse,
  },
});
