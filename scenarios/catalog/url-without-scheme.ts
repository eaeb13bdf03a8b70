import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'url-without-scheme',
  title: 'An API URL without http://',
  category: 'look-alikes',
  story:
    'The dashboard at {app} reads its API base URL from configuration, where it was written as ' +
    'localhost:8001 without http://, and calls fetch() with that base and the path of the figures.',
  explanation:
    'The URL parser reads everything before the first colon as the scheme, so localhost:8001/… is not a ' +
    'relative path or an http URL: it is a URL with the scheme localhost. fetch() loads http and https URLs ' +
    '(and a few local schemes such as data: and blob:), so Chromium rejects it before sending anything, prints ' +
    'one line that starts "Fetch API cannot load", and files a CORS issue of kind CorsDisabledScheme. No ' +
    'server sees a request and no header could help. curl accepts the same text, because it assumes http:// ' +
    'when the scheme is missing, which is why the URL seems to work everywhere except in the browser.',
  rule: 'A URL needs its scheme: localhost:8001/data parses as the scheme localhost, so write http://localhost:8001.',
  fix: {
    summary:
      'Write the base URL with its scheme, http://localhost:8001, or build request URLs with new URL(path, base) ' +
      'from a full origin, so that a missing scheme fails when the configuration loads.',
    // The fix is in the page's configuration, so no header changes: the broken request never leaves the browser.
    diff: [],
  },
  references: [
    { title: 'URL Standard: scheme state', url: 'https://url.spec.whatwg.org/#scheme-state' },
    { title: 'Fetch Standard: scheme fetch', url: 'https://fetch.spec.whatwg.org/#scheme-fetch' },
    {
      title: 'web-platform-tests: fetch/api/basic/scheme-others.sub.any.js',
      url: 'https://github.com/web-platform-tests/wpt/blob/master/fetch/api/basic/scheme-others.sub.any.js',
    },
  ],
  request: { omitScheme: true },
  broken: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    outcome: {
      verdict: 'blocked',
      stage: 'request',
      corsError: 'CorsDisabledScheme',
      detail: { value: 'localhost' },
    },
    exchanges: [],
  },
  fixed: {
    request: { omitScheme: false },
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
  },
});
