import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

const inventory = { warehouse: 'Hamburg', item: 'notebook', stock: 1200, supplierPrice: 3.1 };

/** A forgotten subdomain of the partner's site, served over plain http. */
const httpSubdomain = 'http://legacy.{partner.host}';

export default defineScenario({
  id: 'trusted-http-subdomain',
  title: 'Every subdomain trusted, over http too',
  category: 'security',
  covers: ['http-subdomain-trusted'],
  story:
    "The company's inventory API at {api} runs on the internal network and needs no login. It allows the " +
    "dashboard at {app} and every subdomain of the partner's site with " +
    "origin.endsWith('.{partner.host}'), which checks neither the scheme nor which subdomain it is. The " +
    `partner still serves an old page over plain http at ${httpSubdomain}.`,
  explanation:
    `The API accepts ${httpSubdomain}, and the page there reads the inventory. That is all this ` +
    'playground can show: every origin here is http, on one machine. The attack needs a network attacker, ' +
    'such as the operator of a public Wi-Fi: whatever the employee browses, the attacker adds an iframe of ' +
    'the http subdomain to any http response, and because nothing encrypts that page, adds a script to it ' +
    'too. That script runs with the trusted origin and reads the API as the page here does. An https ' +
    'allowlist is safe from the network only if every origin on it is https.',
  rule: 'Trust https origins only, and only the subdomains you list: one http page on the list opens the API to the network.',
  fix: {
    summary:
      'List exact https origins, and require https in any pattern: ' +
      '/^https:\\/\\/(www|dashboard)\\.partner\\.localhost(:\\d+)?$/. The dashboard at {app} stays on the list ' +
      'for local development; in production it is an https origin too.',
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: httpSubdomain }],
  },
  references: [
    {
      title: 'PortSwigger Web Security Academy: trusting insecure protocols',
      url: 'https://portswigger.net/web-security/cors#breaking-tls-with-poorly-configured-cors',
    },
    {
      title: 'MDN: Mixed content and secure contexts',
      url: 'https://developer.mozilla.org/en-US/docs/Web/Security/Secure_Contexts',
    },
  ],
  request: { path: '/inventory', page: { kind: 'frame', origin: httpSubdomain } },
  broken: {
    middleware: [
      {
        kind: 'cors-origin-check',
        exact: ['{app}'],
        pattern: { kind: 'ends-with', text: '.{partner.host}' },
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
        pattern: { kind: 'regex', source: '^https://(www|dashboard)\\.partner\\.localhost(:\\d+)?$' },
        settings: {},
      },
    ],
    response: { body: inventory },
    outcome: missingAllowOriginAtResponse,
  },
});
