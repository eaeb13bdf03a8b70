import { allowAppOriginDiff, defineScenario, missingAllowOriginAtResponse } from '../define.ts';

const theme = { contentType: 'text/css', text: '.partner-badge { color: green; }\n' };

export default defineScenario({
  id: 'stylesheet-missing-allow-origin',
  title: 'Stylesheet with crossorigin but no Access-Control-Allow-Origin',
  category: 'initiators',
  story:
    'The page at {app} loads a theme from {api} with <link rel="stylesheet" crossorigin="anonymous">, ' +
    "and reads the theme's rules through sheet.cssRules to build a colour picker.",
  explanation:
    'Without the crossorigin attribute, a stylesheet from another origin applies to the page, but its ' +
    'rules stay hidden from scripts: reading cssRules throws a SecurityError. crossorigin="anonymous" ' +
    'makes the browser fetch it in CORS mode instead. The response has no Access-Control-Allow-Origin ' +
    "header, so the CORS check fails, the stylesheet is not applied at all, and the <link> fires an 'error' event.",
  rule: 'A stylesheet with a crossorigin attribute loads only if Access-Control-Allow-Origin names the page origin.',
  fix: {
    summary:
      "Add Hono's cors() middleware with an allowlist that contains {app}. The stylesheet then loads, and " +
      'the page can read its rules.',
    diff: allowAppOriginDiff,
  },
  references: [
    {
      title: 'CSSOM: the cssRules attribute and origin-clean',
      url: 'https://drafts.csswg.org/cssom/#dom-cssstylesheet-cssrules',
    },
    {
      title: 'MDN: HTML attribute crossorigin',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTML/Reference/Attributes/crossorigin',
    },
  ],
  request: { initiator: 'stylesheet', path: '/theme.css' },
  broken: {
    response: { raw: theme },
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { raw: theme },
    js: { kind: 'loaded', text: 'load event; cssRules[0] is ".partner-badge { color: green; }"' },
  },
});
