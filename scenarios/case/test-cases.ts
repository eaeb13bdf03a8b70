/** Small valid cases for the case module's and the lab's tests. */
import type { CaseInput } from './schema.ts';

/** A simple GET that the server allows. */
export const allowedGet: CaseInput = {
  version: 1,
  name: 'allowed-get',
  request: { pageOrigin: 'app', target: 'api' },
  answers: {
    response: {
      status: 200,
      headers: [
        ['Access-Control-Allow-Origin', '{app}'],
        ['Content-Type', 'application/json'],
      ],
      body: '{"ok":true}',
    },
  },
  expected: { verdict: 'allowed' },
};

/** A preflighted PUT that redirects from the API to the partner, with a preflight of its own there. */
export const redirectChain: CaseInput = {
  version: 1,
  request: {
    pageOrigin: 'app',
    target: 'api',
    method: 'PUT',
    headers: [['Content-Type', 'application/json']],
    body: '{"rating":5}',
  },
  answers: {
    preflight: {
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', '{app}'],
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', 'Content-Type'],
      ],
    },
    redirects: [
      {
        status: 307,
        headers: [['Access-Control-Allow-Origin', '{app}']],
        location: { target: 'partner' },
        preflight: {
          status: 204,
          headers: [
            ['Access-Control-Allow-Origin', '*'],
            ['Access-Control-Allow-Methods', 'PUT'],
            ['Access-Control-Allow-Headers', 'Content-Type'],
          ],
        },
      },
    ],
    response: { status: 200, headers: [['Access-Control-Allow-Origin', '*']], body: 'saved' },
  },
};
