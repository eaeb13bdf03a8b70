import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

const inventory = { warehouse: 'Hamburg', item: 'notebook', stock: 1200, supplierPrice: 3.1 };

/** An origin the attacker registers, whose name ends with the partner's host. */
const lookAlike = 'http://evil{partner.host}';

export default defineScenario({
  id: 'suffix-allowlist',
  title: 'An allowlist that checks the end of the Origin',
  category: 'security',
  covers: ['suffix-allowlist'],
  story:
    "The company's inventory API at {api} runs on the internal network and needs no login. It allows the " +
    "dashboard at {app}, and the partner's site at {partner} and its subdomains, with " +
    "origin.endsWith('{partner.host}'). An employee visits an attacker's page at " +
    `${lookAlike}, a name the attacker registered, and its script fetches the inventory.`,
  explanation:
    `${lookAlike} ends with {partner.host} too: endsWith() compares characters, not host names, so it ` +
    "accepts any name that merely ends the same way. The API echoes the attacker's origin, and the browser " +
    "hands the attacker's script data that only the network position protected. The same holds for any " +
    'suffix without a leading dot, and even with the dot every subdomain is trusted, whoever runs it.',
  rule: 'Compare the whole origin with a list of exact origins; a suffix check accepts look-alike names.',
  fix: {
    summary:
      "Allow exact origins: cors({ origin: ['{app}', '{partner}'] }). The dashboard and the partner's site " +
      'keep working, because both are on the list; to trust a few subdomains, list each of them.',
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
        exact: ['{app}'],
        pattern: { kind: 'ends-with', text: '{partner.host}' },
        settings: {},
      },
    ],
    response: { body: inventory },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}', '{partner}'] } }],
    response: { body: inventory },
    outcome: missingAllowOriginAtResponse,
  },
});
