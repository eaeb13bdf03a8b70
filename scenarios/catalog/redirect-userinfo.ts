import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'redirect-userinfo',
  title: 'A redirect to a URL with a username and password',
  category: 'redirects',
  story:
    'The dashboard at {app} downloads a report from {api}/…/data. The API redirects to the storage service at ' +
    '{partner}, and builds the Location from a configured URL that carries the storage login: ' +
    'http://reports:s3cret@partner.localhost/….',
  explanation:
    'The 302 passes the CORS check, since cors() gave it Access-Control-Allow-Origin: {app}. But its Location ' +
    'contains a username and password, and a CORS request may not follow a redirect to such a URL, so the browser ' +
    "stops at the 302 and never contacts the storage service. Chromium 156's message quotes the location as '', " +
    'an empty string, rather than the URL with the password: look at the Location header in the record instead.',
  rule: 'A CORS request never follows a redirect whose Location has a username or password in it.',
  fix: {
    summary:
      'Keep the storage login on the server: the API fetches the report from storage with its credentials and ' +
      'sends it to the page itself, so no redirect is needed. Never put credentials into a URL that the browser ' +
      'sees: it shows them to every user of the page.',
    diff: [{ exchange: 'actual', header: ':status', broken: '302', fixed: '200' }],
  },
  covers: ['redirect-userinfo'],
  references: [
    { title: 'Fetch Standard: HTTP-redirect fetch', url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch' },
    {
      title: 'web-platform-tests: fetch/api/cors/cors-redirect-credentials.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/cors/cors-redirect-credentials.any.js',
    },
  ],
  broken: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'] } },
      { kind: 'redirect-to-server', server: 'partner', status: 302, userinfo: 'reports:s3cret' },
    ],
    outcome: {
      verdict: 'blocked',
      stage: 'redirect',
      corsError: 'RedirectContainsCredentials',
      // Chromium 156 prints the location as '' in this message.
      detail: { value: '' },
      fault: { exchange: 'actual', header: 'Location' },
    },
    exchanges: [{ server: 'api', method: 'GET', status: 302 }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
  },
});
