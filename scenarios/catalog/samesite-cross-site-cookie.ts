import { defineScenario } from '../define.ts';

const cookie = { name: 'session', value: 'ada', attributes: 'HttpOnly; SameSite=Lax' };

export default defineScenario({
  id: 'samesite-cross-site-cookie',
  title: 'A SameSite=Lax cookie on a request to another site',
  category: 'silent',
  covers: ['silent-samesite'],
  story:
    "The user has signed in on the partner's site, {partner}, which set a session cookie. The shop at {app} " +
    "then fetches the user's rewards from {partner} with credentials: 'include', and the partner answers as " +
    'if nobody were signed in.',
  explanation:
    'The request includes credentials, and the partner allows {app} with Access-Control-Allow-Credentials: ' +
    'true, so CORS lets the response through. But CORS does not decide which cookies go with a request. ' +
    'partner.localhost is another site than localhost, and a SameSite=Lax cookie goes to another site only ' +
    'on a top-level navigation, never on a fetch(). SameSite=None; Secure would allow it, but a browser ' +
    'that blocks third-party cookies, by user setting or in a private window, still leaves it out. In a ' +
    'Playwright context of Chromium 156, DevTools lists the Lax cookie as blocked for SchemefulSameSiteLax ' +
    'and UserPreferences, and a SameSite=None; Secure cookie for UserPreferences alone. Nothing appears ' +
    'in the console.',
  rule: 'A cookie goes to another site only with SameSite=None; Secure, and only while the browser allows third-party cookies.',
  fix: {
    summary:
      'Serve the API from the same site as the app, such as api.example.com for www.example.com (here {api} ' +
      'for {app}): a SameSite=Lax cookie then goes with a credentialed fetch(). Keep cors() with the exact ' +
      'origin and credentials: true.',
    diff: [],
  },
  references: [
    {
      title: 'RFC 6265bis: the SameSite attribute',
      url: 'https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-the-samesite-attribute',
    },
    {
      title: 'MDN: Third-party cookies',
      url: 'https://developer.mozilla.org/en-US/docs/Web/Privacy/Guides/Third-party_cookies',
    },
    {
      title: 'web.dev: SameSite cookies explained',
      url: 'https://web.dev/articles/samesite-cookies-explained',
    },
  ],
  request: { target: 'partner', path: '/rewards', credentials: 'include', signIn: { via: 'window', cookie } },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true } }],
    symptoms: [{ kind: 'request-header', name: 'Cookie', value: null }],
    blockedCookies: [{ name: 'session', reasons: ['SchemefulSameSiteLax', 'UserPreferences'] }],
  },
  fixed: {
    request: { target: 'api', signIn: { via: 'fetch', cookie } },
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true } }],
    symptoms: [{ kind: 'request-header', name: 'Cookie', value: 'session=ada' }],
  },
});
