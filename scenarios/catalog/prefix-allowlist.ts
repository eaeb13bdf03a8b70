import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

const inventory = { warehouse: 'Hamburg', item: 'notebook', stock: 1200, supplierPrice: 3.1 };

/** A subdomain of the attacker's own site, whose name starts with the app's host. */
const lookAlike = 'http://localhost.{attacker.host}';

export default defineScenario({
  id: 'prefix-allowlist',
  title: 'An allowlist that checks the start of the Origin',
  category: 'security',
  covers: ['prefix-allowlist'],
  story:
    "The company's inventory API at {api} runs on the internal network and needs no login. Its developers " +
    'run the dashboard on several ports, so the API allows every origin that passes ' +
    "origin.startsWith('http://localhost'), {app} among them. An employee visits an attacker's page at " +
    `${lookAlike}, a subdomain of the attacker's own site, and its script fetches the inventory.`,
  explanation:
    `${lookAlike} starts with http://localhost too: startsWith() compares characters, and the host name ` +
    "goes on after the prefix. The API echoes the attacker's origin, and the browser hands the attacker's " +
    'script data that only the network position protected. In production the same mistake reads ' +
    "startsWith('https://example.com'), which https://example.com.attacker.net passes.",
  rule: 'Compare the whole origin with a list of exact origins; a prefix check accepts any host that goes on.',
  fix: {
    summary:
      "Allow exact origins: cors({ origin: ['{app}'] }), with one entry for each port the developers use. The " +
      'dashboard keeps working, because its origin is on the list.',
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: lookAlike }],
  },
  references: [
    {
      title: 'PortSwigger Web Security Academy: errors parsing Origin headers',
      url: 'https://portswigger.net/web-security/cors#errors-parsing-origin-headers',
    },
    {
      title: 'Fetch Standard: CORS check',
      url: 'https://fetch.spec.whatwg.org/#cors-check',
    },
  ],
  request: { path: '/inventory', page: { kind: 'frame', origin: lookAlike } },
  broken: {
    middleware: [
      {
        kind: 'cors-origin-check',
        exact: [],
        pattern: { kind: 'starts-with', text: 'http://localhost' },
        settings: {},
      },
    ],
    response: { body: inventory },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { body: inventory },
    outcome: missingAllowOriginAtResponse,
  },
});
