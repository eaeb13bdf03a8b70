import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

const inventory = { warehouse: 'Hamburg', item: 'notebook', stock: 1200, supplierPrice: 3.1 };

/** A subdomain of the attacker's own site, whose name contains the partner's host. */
const lookAlike = 'http://partner.localhost.{attacker.host}';

export default defineScenario({
  id: 'unanchored-regex-allowlist',
  title: 'A regular expression without anchors on the allowlist',
  category: 'security',
  covers: ['unanchored-regex-allowlist'],
  story:
    "The company's inventory API at {api} runs on the internal network and needs no login. It allows the " +
    "dashboard at {app}, and the partner's sites on any port and subdomain with the regular expression " +
    "/https?:\\/\\/([a-z]+\\.)?partner\\.localhost/. An employee visits an attacker's page at " +
    `${lookAlike}, a subdomain of the attacker's own site, and its script fetches the inventory.`,
  explanation:
    'RegExp.test() looks for a match anywhere in the string. Without ^ and $ the expression matches ' +
    `${lookAlike}, because http://partner.localhost appears inside it. The API echoes the attacker's ` +
    "origin, and the browser hands the attacker's script data that only the network position protected. An " +
    'unescaped dot is the same kind of hole: /partner.localhost/ also matches partner-localhost.',
  rule: 'Anchor an origin pattern at both ends (^…$) and escape its dots, or better, list exact origins.',
  fix: {
    summary:
      'Anchor the expression and let only a port follow the host: ' +
      "/^https?:\\/\\/([a-z]+\\.)?partner\\.localhost(:\\d+)?$/. The dashboard at {app} and the partner's " +
      "sites keep working; the attacker's host goes on after partner.localhost, so it no longer matches.",
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: lookAlike }],
  },
  references: [
    {
      title: 'PortSwigger Web Security Academy: errors parsing Origin headers',
      url: 'https://portswigger.net/web-security/cors#errors-parsing-origin-headers',
    },
    {
      title: 'MDN: RegExp.prototype.test()',
      url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/RegExp/test',
    },
  ],
  request: { path: '/inventory', page: { kind: 'frame', origin: lookAlike } },
  broken: {
    middleware: [
      {
        kind: 'cors-origin-check',
        exact: ['{app}'],
        pattern: { kind: 'regex', source: 'https?://([a-z]+\\.)?partner\\.localhost' },
        settings: {},
      },
    ],
    response: { body: inventory },
  },
  fixed: {
    middleware: [
      {
        kind: 'cors-origin-check',
        exact: ['{app}'],
        pattern: { kind: 'regex', source: '^https?://([a-z]+\\.)?partner\\.localhost(:\\d+)?$' },
        settings: {},
      },
    ],
    response: { body: inventory },
    outcome: missingAllowOriginAtResponse,
  },
});
