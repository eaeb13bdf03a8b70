import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'preflight-missing-allow-credentials',
  title: 'Credentialed preflight without Access-Control-Allow-Credentials',
  category: 'credentials',
  story:
    "The shop at {app} updates the user's basket at {api} with a PUT, sending credentials: 'include' so " +
    'that the session cookie goes along.',
  explanation:
    'The preflight answer names the right origin and allows PUT, but it lacks ' +
    'Access-Control-Allow-Credentials: true. The browser requires it on the preflight too when the ' +
    'request it asks about includes credentials, so the PUT is never sent.',
  rule: 'A credentialed request needs Access-Control-Allow-Credentials: true on the preflight and on the response.',
  fix: {
    summary: "Turn on credentials in Hono's cors() middleware; it adds the header to the preflight and the response.",
    diff: [{ exchange: 'preflight', header: 'Access-Control-Allow-Credentials', fixed: 'true' }],
  },
  references: [
    { title: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' },
  ],
  request: { path: '/basket', method: 'PUT', body: 'item=notebook', credentials: 'include' },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'] } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightInvalidAllowCredentials',
      detail: { value: '' },
      fault: { exchange: 'preflight', header: 'Access-Control-Allow-Credentials' },
    },
  },
  fixed: {
    middleware: [
      { kind: 'cors', settings: { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT'], credentials: true } },
    ],
  },
});
