import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

const inventory = { warehouse: 'Hamburg', item: 'notebook', stock: 1200, supplierPrice: 3.1 };

export default defineScenario({
  id: 'trusted-null-origin',
  title: 'null on the allowlist',
  category: 'security',
  covers: ['trusted-null-origin'],
  story:
    "The company's inventory API at {api} runs on the internal network and needs no login: only employees' " +
    'browsers can reach it. It allows the dashboard at {app}, and a developer added null to the allowlist so ' +
    'that the dashboard also works when opened from a file:// URL. An employee then visits an ' +
    'attacker\'s site, whose page puts its script in <iframe sandbox="allow-scripts">, and that script ' +
    'fetches the inventory.',
  explanation:
    'A sandboxed iframe without allow-same-origin has an opaque origin, which the browser sends as Origin: ' +
    'null, and so do file:// pages, data: URLs and some redirects. Any site can make a null origin, so ' +
    'Access-Control-Allow-Origin: null lets every site read the response. Here the data is protected only by ' +
    "network position, and the employee's browser, which sits inside that network, fetches it for the " +
    'attacker. With credentials allowed too, the same would hold for cookie-protected data wherever the ' +
    'browser sends the cookie.',
  rule: 'Never allow the origin null: any page can get it with a sandboxed iframe.',
  fix: {
    summary:
      "Remove null from the allowlist: cors({ origin: ['{app}'] }). The dashboard keeps working from {app}; " +
      'for local testing, serve it over http://localhost instead of opening a file. The sandboxed page gets ' +
      'no Access-Control-Allow-Origin, so the browser keeps the response from it.',
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Origin', broken: 'null' }],
  },
  references: [
    {
      title: 'Fetch Standard: the Origin header, and when it is null',
      url: 'https://fetch.spec.whatwg.org/#origin-header',
    },
    {
      title: 'HTML Standard: the sandbox attribute and opaque origins',
      url: 'https://html.spec.whatwg.org/multipage/iframe-embed-object.html#attr-iframe-sandbox',
    },
    {
      title: 'PortSwigger Web Security Academy: whitelisted null origin value',
      url: 'https://portswigger.net/web-security/cors#whitelisted-null-origin-value',
    },
  ],
  request: { path: '/inventory', page: { kind: 'sandboxed-frame' } },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}', 'null'] } }],
    response: { body: inventory },
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { body: inventory },
    outcome: missingAllowOriginAtResponse,
  },
});
