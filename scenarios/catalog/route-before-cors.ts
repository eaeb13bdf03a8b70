import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

export default defineScenario({
  id: 'route-before-cors',
  title: 'cors() registered after the route',
  category: 'allow-origin',
  story:
    'The dashboard at {app} reads figures from {api}. The server has cors() with the right allowlist, ' +
    'added at the end of the file, after the routes.',
  explanation:
    'Hono runs handlers in the order they were registered. The route comes first and returns its response, ' +
    'which ends the chain, so cors() never runs for this GET and the response has no ' +
    'Access-Control-Allow-Origin. The configuration is right; its place is not.',
  rule: 'Register CORS middleware before the routes it should cover.',
  fix: {
    summary: 'Move app.use(cors(...)) above the routes, so it runs for every request.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  covers: ['layer-middleware-order'],
  references: [
    { title: 'Hono: Middleware, execution order', url: 'https://hono.dev/docs/guides/middleware' },
    { title: 'Fetch Standard: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' },
  ],
  broken: {
    routeFirst: true,
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
  },
});
