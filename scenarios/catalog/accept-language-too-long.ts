import { defineScenario } from '../define.ts';

/** 131 bytes: over the 128-byte limit for a safelisted header value. */
const acceptLanguage =
  'en-US,en;q=0.9,de-DE;q=0.8,de;q=0.7,fr-FR;q=0.6,fr;q=0.5,es-ES;q=0.4,es;q=0.3,it-IT;q=0.2,it;q=0.1,nl-NL;q=0.1,nl;q=0.1,pt-BR;q=0.1';

export default defineScenario({
  id: 'accept-language-too-long',
  title: 'A safelisted header longer than 128 bytes',
  category: 'preflight-triggers',
  story:
    "The dashboard at {app} passes the user's full language list to {api} in Accept-Language, 131 bytes " +
    'long. The server answers simple requests with Access-Control-Allow-Origin and has no preflight handling.',
  explanation:
    'Accept-Language is safelisted, but only for values of at most 128 bytes. A longer value makes the GET ' +
    'need a preflight, which the server answers 404 because it has no OPTIONS route. The GET is never sent.',
  rule: 'A safelisted header value longer than 128 bytes makes the request need a preflight.',
  fix: {
    summary:
      "Answer preflights with Hono's cors() middleware, allowing Accept-Language. Sending a shorter list would " +
      'keep the request simple.',
    diff: [
      { exchange: 'preflight', header: ':status', broken: '404', fixed: '204' },
      { exchange: 'preflight', header: 'Access-Control-Allow-Headers', fixed: 'Accept-Language' },
    ],
  },
  covers: ['trigger-long-safelisted-value'],
  references: [
    {
      title: 'Fetch Standard: CORS-safelisted request-header',
      url: 'https://fetch.spec.whatwg.org/#cors-safelisted-request-header',
    },
  ],
  request: { headers: { 'Accept-Language': acceptLanguage } },
  broken: {
    middleware: [{ kind: 'set-headers', headers: { 'Access-Control-Allow-Origin': '{app}' } }],
    outcome: {
      verdict: 'blocked',
      stage: 'preflight',
      corsError: 'PreflightInvalidStatus',
      detail: {},
      fault: { exchange: 'preflight', status: true },
    },
    exchanges: [{ server: 'api', method: 'OPTIONS', status: 404 }],
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'], allowHeaders: ['Accept-Language'] } }],
  },
});
