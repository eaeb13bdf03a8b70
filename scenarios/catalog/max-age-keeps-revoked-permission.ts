import { defineScenario } from '../define.ts';
import type { CorsSettings } from '../types.ts';

const allowed: CorsSettings = { origin: ['{app}'], allowMethods: ['GET', 'POST', 'PUT', 'DELETE'] };

/** The policy while the permission is revoked: PUT and DELETE are gone, and the max-age stays as it was. */
const revoked: CorsSettings = { origin: ['{app}'], allowMethods: ['GET', 'POST'], maxAge: 7200 };

const deleted = { message: 'Document 42 deleted' };

export default defineScenario({
  id: 'max-age-keeps-revoked-permission',
  title: 'Access-Control-Max-Age keeps a revoked permission',
  category: 'layers',
  story:
    'The document editor at {app} deletes a document with a DELETE to {api}, whose CORS policy allows PUT and ' +
    'DELETE. An administrator revokes PUT and DELETE right after the first preflight, and restores them after ' +
    'the second (the playground plays the administrator, separately for each attempt). The page sends the same ' +
    'DELETE three times, to the same URL.',
  explanation:
    'The first preflight allowed DELETE with Access-Control-Max-Age: 7200, so the browser stores that answer ' +
    'for the page origin and the URL, for two hours, which is also the most Chromium keeps any answer. The ' +
    'second and third DELETE find it in the preflight cache and go out without a preflight: the browser never ' +
    'learns that the permission was revoked, and the server deletes twice more. A preflight is a question the ' +
    'browser asks for itself, not an access check, so the server must check the permission on the DELETE too.',
  rule: 'A cached preflight outlives a revoked permission for up to its Access-Control-Max-Age.',
  fix: {
    summary:
      'Send Access-Control-Max-Age: 0 on a preflight that grants a permission you may revoke, so the browser asks ' +
      'before every DELETE: the second send meets the revoked policy and is blocked at its preflight. The third ' +
      'asks again and passes, although the refusal said Access-Control-Max-Age: 7200, because the browser never ' +
      'caches a failed preflight. Check the permission in the DELETE handler as well, since curl never sends a preflight.',
    diff: [{ exchange: 'preflight', header: 'Access-Control-Max-Age', broken: '7200', fixed: '0' }],
  },
  covers: ['layer-max-age-revoked'],
  references: [
    { title: 'Fetch Standard: CORS-preflight cache', url: 'https://fetch.spec.whatwg.org/#cors-preflight-cache' },
    {
      title: 'Fetch Standard: HTTP responses (Access-Control-Max-Age)',
      url: 'https://fetch.spec.whatwg.org/#http-access-control-max-age',
    },
    {
      title: 'MDN: Access-Control-Max-Age',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age',
    },
  ],
  request: { path: '/documents/42', method: 'DELETE' },
  broken: {
    middleware: [
      {
        kind: 'cors-changing-per-preflight',
        policies: [{ ...allowed, maxAge: 7200 }, revoked, { ...allowed, maxAge: 7200 }],
      },
    ],
    response: { body: deleted },
    earlierSends: [
      {
        outcome: { verdict: 'allowed' },
        exchanges: [
          { server: 'api', method: 'OPTIONS', status: 204 },
          { server: 'api', method: 'DELETE', status: 200 },
        ],
      },
      // The cached preflight stands in for a new one, so only the DELETE goes out, while DELETE is revoked.
      { outcome: { verdict: 'allowed' }, exchanges: [{ server: 'api', method: 'DELETE', status: 200 }] },
    ],
    exchanges: [{ server: 'api', method: 'DELETE', status: 200 }],
  },
  fixed: {
    middleware: [
      {
        kind: 'cors-changing-per-preflight',
        policies: [{ ...allowed, maxAge: 0 }, revoked, { ...allowed, maxAge: 0 }],
      },
    ],
    response: { body: deleted },
    earlierSends: [
      {
        outcome: { verdict: 'allowed' },
        exchanges: [
          { server: 'api', method: 'OPTIONS', status: 204 },
          { server: 'api', method: 'DELETE', status: 200 },
        ],
      },
      {
        outcome: {
          verdict: 'blocked',
          stage: 'preflight',
          corsError: 'MethodDisallowedByPreflightResponse',
          detail: { method: 'DELETE' },
          fault: { exchange: 'preflight', header: 'Access-Control-Allow-Methods' },
        },
        exchanges: [{ server: 'api', method: 'OPTIONS', status: 204 }],
      },
    ],
    // The third send preflights again: the refusal was not kept, although it carried max-age 7200.
  },
});
