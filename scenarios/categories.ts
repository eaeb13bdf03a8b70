import type { CategoryId } from './types.ts';

export interface Category {
  readonly title: string;
  readonly intro: string;
}

/** Categories in the order a learner meets them, from the basics to layered deployments. */
export const categories: Readonly<Record<CategoryId, Category>> = {
  'allow-origin': {
    title: 'Access-Control-Allow-Origin',
    intro:
      'Every cross-origin response that JavaScript reads must name the page origin, exactly, in Access-Control-Allow-Origin.',
  },
  credentials: {
    title: 'Credentials',
    intro:
      'A request that carries cookies or HTTP authentication needs an exact origin and Access-Control-Allow-Credentials: true.',
  },
  'preflight-triggers': {
    title: 'What triggers a preflight',
    intro:
      'Only GET, HEAD and POST with a few safelisted headers go out as simple requests. Anything else, down to one byte in a header value, makes the browser ask first.',
  },
  preflight: {
    title: 'Preflight',
    intro:
      'Before a request that is not "simple", the browser asks with an OPTIONS preflight, and sends the request only if the answer allows it.',
  },
  redirects: {
    title: 'Redirects',
    intro:
      'A cross-origin redirect is itself a response that must pass the CORS check, and a preflight may never be redirected.',
  },
  layers: {
    title: 'Layers',
    intro: 'Proxies, gateways and CDNs in front of an application can add, drop or duplicate CORS headers.',
  },
  initiators: {
    title: 'Beyond fetch()',
    intro:
      'XMLHttpRequest, images, module scripts, fonts, stylesheets, audio, EventSource and beacons follow the same CORS rules as fetch(), but each reports a block to JavaScript in its own way, and a beacon not at all.',
  },
  silent: {
    title: 'Silent failures',
    intro:
      'The request succeeds, but the page does not get what it expected, and the browser says nothing: a header reads null, a cookie stays behind, a response comes back empty.',
  },
  'look-alikes': {
    title: 'Not CORS at all',
    intro:
      'fetch() rejects with the same TypeError when the server is down, a Content-Security-Policy forbids the request or a resource policy blocks the response. The console, the DevTools Issues panel and the server logs tell these apart from a CORS block.',
  },
  security: {
    title: 'Misconfigurations that work but leak',
    intro:
      "The app works, and so does an attacker's page: a CORS policy that trusts too many origins lets another site read the API's answers, and CORS never stops a request from running on the server. Each request here comes from the attacker's page.",
  },
};

export const categoryOrder = Object.keys(categories) as CategoryId[];
