import { defineScenario } from '../define.ts';

const cookie = { name: 'session', value: 'ada', attributes: 'HttpOnly; SameSite=Lax' };

export default defineScenario({
  id: 'cookies-not-sent-by-default',
  title: 'A cross-origin fetch() without credentials',
  category: 'silent',
  covers: ['silent-cookies-not-sent'],
  story:
    'The user has signed in to {api}, which set a session cookie. The profile page at {app} then fetches ' +
    "the user's profile from {api} with fetch(url), and the API answers as if nobody were signed in.",
  explanation:
    "fetch() defaults to credentials: 'same-origin': it sends cookies only to the page's own origin. {api} " +
    'is another origin (same site, another port), so the browser leaves the cookie out. The response ' +
    'passes the CORS check, because the server allows {app}, so nothing fails and the console stays ' +
    'silent: the server just never sees who the user is.',
  rule: "A cross-origin fetch() sends cookies only with credentials: 'include', which the server must allow.",
  fix: {
    summary:
      "Send the request with credentials: 'include', and let cors() allow credentials with an exact origin: " +
      "origin: ['{app}'] and credentials: true. Without them, the browser would send the cookie but block the response.",
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Credentials', fixed: 'true' }],
  },
  references: [
    {
      title: 'Fetch Standard: request credentials mode',
      url: 'https://fetch.spec.whatwg.org/#concept-request-credentials-mode',
    },
    {
      title: 'MDN: Using the Fetch API, including credentials',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API/Using_Fetch#including_credentials',
    },
    {
      title: 'web-platform-tests: fetch/api/cors/cors-cookies.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/cors/cors-cookies.any.js',
    },
  ],
  request: { path: '/profile', signIn: { via: 'fetch', cookie } },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    symptoms: [{ kind: 'request-header', name: 'Cookie', value: null }],
  },
  fixed: {
    request: { credentials: 'include' },
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], credentials: true } }],
    symptoms: [{ kind: 'request-header', name: 'Cookie', value: 'session=ada' }],
  },
});
