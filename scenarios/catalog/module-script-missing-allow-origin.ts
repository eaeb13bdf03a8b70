import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

const widgetModule = {
  contentType: 'text/javascript',
  text: "export const greeting = 'Hello from the API';\n",
};

export default defineScenario({
  id: 'module-script-missing-allow-origin',
  title: 'Module script without Access-Control-Allow-Origin',
  category: 'initiators',
  story: 'The page at {app} loads a widget from {api} with <script type="module" src="…">.',
  explanation:
    'A classic <script src> loads from any origin without CORS. A module script does not: the browser ' +
    'always fetches it in CORS mode, as if it had crossorigin="anonymous". The response has no ' +
    'Access-Control-Allow-Origin header, so the browser refuses to run the module and the <script> ' +
    "element fires an 'error' event.",
  rule: 'A cross-origin module script runs only if Access-Control-Allow-Origin names the page origin.',
  fix: {
    summary:
      "Add Hono's cors() middleware with an allowlist that contains {app}, on the server that hosts the " +
      'module, or serve the module from the page origin.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    {
      title: 'HTML Standard: fetch a single module script',
      url: 'https://html.spec.whatwg.org/multipage/webappapis.html#fetch-a-single-module-script',
    },
    {
      title: 'MDN: HTMLScriptElement crossOrigin property',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/HTMLScriptElement/crossOrigin',
    },
  ],
  request: { initiator: 'module-script', path: '/widget.js' },
  broken: {
    response: { raw: widgetModule },
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { raw: widgetModule },
    js: { kind: 'loaded', text: 'load event' },
  },
});
