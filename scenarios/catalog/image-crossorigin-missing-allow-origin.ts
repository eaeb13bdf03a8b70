import { defineScenario, missingAllowOriginAtResponse } from '../define.ts';

/** A 1×1 green SVG image, so that the page can read one known pixel back from a canvas. */
const greenPixel = {
  contentType: 'image/svg+xml',
  text: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1" fill="#008000"/></svg>',
};

export default defineScenario({
  id: 'image-crossorigin-missing-allow-origin',
  title: 'Image with crossorigin but no Access-Control-Allow-Origin',
  category: 'initiators',
  story:
    'The photo editor at {app} loads an image from {api} with <img crossorigin="anonymous">, draws it ' +
    'on a canvas and reads its pixels back with getImageData().',
  explanation:
    'Without the crossorigin attribute, an image loads from any origin, but it taints the canvas it is ' +
    'drawn on, and getImageData() then throws a SecurityError. crossorigin="anonymous" makes the browser ' +
    'fetch the image in CORS mode instead. The response has no Access-Control-Allow-Origin header, so ' +
    "the CORS check fails and the image does not load at all: the <img> fires an 'error' event.",
  rule: 'An image with a crossorigin attribute loads only if Access-Control-Allow-Origin names the page origin.',
  fix: {
    summary:
      "Add Hono's cors() middleware with an allowlist that contains {app}. The image then loads, and the " +
      'canvas stays clean, so the page can read its pixels.',
    diff: [
      { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
      { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
    ],
  },
  references: [
    {
      title: 'HTML Standard: CORS settings attributes',
      url: 'https://html.spec.whatwg.org/multipage/urls-and-fetching.html#cors-settings-attributes',
    },
    {
      title: 'MDN: Allowing cross-origin use of images and canvas',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTML/CORS_enabled_image',
    },
  ],
  request: { initiator: 'image', path: '/photo.svg' },
  broken: {
    response: { raw: greenPixel },
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { raw: greenPixel },
    js: { kind: 'loaded', text: 'load event; canvas pixel rgba(0, 128, 0, 255)' },
  },
});
