import { defineScenario } from '../define.ts';

const cookie = { name: 'session', value: 'ada', attributes: 'HttpOnly; SameSite=Lax' };

/** Another port on the API's own host: the same site, as a sibling subdomain is in production. */
const siblingPage = 'http://localhost:{attacker.port}';

const blocked = {
  verdict: 'blocked',
  stage: 'response',
  corsError: 'MissingAllowOriginHeader',
  detail: {},
  fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
} as const;

export default defineScenario({
  id: 'cors-is-not-csrf-protection',
  title: 'CORS blocks the response, not the transfer',
  category: 'security',
  covers: ['cors-is-not-csrf-protection'],
  story:
    'Ada has signed in to the bank app at {app}, and the API at {api} knows her by a session cookie. The API ' +
    'allows only {app} with cors(), and its developer counts on that to stop other sites from moving money. ' +
    `Ada then opens an attacker's page at ${siblingPage}, on the same site as the bank, as a hijacked blog ` +
    'on blog.example.com is for api.example.com. Its script posts a form-encoded transfer to the API.',
  explanation:
    'A POST with a form-encoded or text/plain body is a simple request: the browser sends it without asking ' +
    "first, with Ada's cookie, and applies the CORS check only to the response. The API runs the transfer " +
    "and answers 200; only then does the browser keep that answer from the attacker's script, which never " +
    "needed it. SameSite=Lax does not help here, because the attacker's page is on the same site. From another " +
    'site, a SameSite=None cookie would carry the same attack wherever the browser sends third-party cookies, ' +
    'and a plain HTML form posts across sites even without fetch().',
  rule: 'CORS decides who may read a response; it never stops a simple request from running. Protect state changes against CSRF.',
  fix: {
    summary:
      "Check the Origin of every state-changing request before it runs, with Hono's csrf({ origin: ['{app}'] }): " +
      'it rejects a form or text/plain POST from any other origin with 403, so the transfer never happens. The ' +
      'app keeps working, because its requests carry Origin: {app}. A CSRF token, or accepting only JSON so ' +
      'that every write needs a preflight, blocks the attack as well.',
    diff: [{ exchange: 'actual', header: ':status', broken: '200', fixed: '403' }],
  },
  references: [
    {
      title: 'OWASP: Cross-Site Request Forgery Prevention Cheat Sheet',
      url: 'https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html',
    },
    {
      title: 'Fetch Standard: CORS-safelisted request headers (simple requests)',
      url: 'https://fetch.spec.whatwg.org/#cors-safelisted-request-header',
    },
    {
      title: 'Hono: CSRF Protection middleware',
      url: 'https://hono.dev/docs/middleware/builtin/csrf',
    },
  ],
  request: {
    method: 'POST',
    path: '/transfer',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'to=mallory&amount=1000',
    credentials: 'include',
    signIn: { via: 'fetch', cookie },
    page: { kind: 'frame', origin: siblingPage },
  },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true } }],
    response: { body: { transferred: 1000, to: 'mallory' } },
    outcome: blocked,
    symptoms: [{ kind: 'request-header', name: 'Cookie', value: 'session=ada' }],
  },
  fixed: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'], credentials: true } },
      { kind: 'csrf', origin: ['{app}'] },
    ],
    response: { body: { transferred: 1000, to: 'mallory' } },
    outcome: blocked,
    // csrf() answers 403 before the route runs: no transfer happens.
    exchanges: [{ server: 'api', method: 'POST', status: 403 }],
  },
});
