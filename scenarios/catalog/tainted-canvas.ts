import { defineScenario } from '../define.ts';

/** A 1×1 green SVG image, so that the page can read one known pixel back from a canvas. */
const greenPixel = {
  contentType: 'image/svg+xml',
  text: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1" fill="#008000"/></svg>',
};

const allowApp = { kind: 'cors', settings: { origin: ['{app}'] } } as const;

export default defineScenario({
  id: 'tainted-canvas',
  title: 'An image without crossorigin taints the canvas',
  category: 'silent',
  covers: ['silent-tainted-canvas'],
  story:
    'The photo editor at {app} shows an image from {api} with a plain <img>, draws it on a canvas and ' +
    "reads its pixels with getImageData(). The API's CORS settings allow {app}, yet reading the pixels throws.",
  explanation:
    'An <img> without the crossorigin attribute loads in no-cors mode: the browser sends no Origin header, ' +
    'runs no CORS check, and shows the image from any origin. Drawing that cross-origin image taints the ' +
    'canvas, and getImageData() on a tainted canvas throws a SecurityError, as toDataURL() and toBlob() do. ' +
    "The server's CORS headers never came into play: without an Origin header, cors() sent no " +
    'Access-Control-Allow-Origin, and the console and the DevTools Issues panel stay silent.',
  rule: 'Add crossorigin to an <img> whose pixels the page reads, so the browser runs the CORS check the server is ready for.',
  fix: {
    summary:
      'Set crossorigin="anonymous" on the <img> (image.crossOrigin = "anonymous" in JavaScript). The browser ' +
      'then sends Origin, the API answers with Access-Control-Allow-Origin: {app}, and the canvas stays clean.',
    diff: [{ exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' }],
  },
  references: [
    {
      title: 'HTML Standard: security with canvas elements',
      url: 'https://html.spec.whatwg.org/multipage/canvas.html#security-with-canvas-elements',
    },
    {
      title: 'HTML Standard: CORS settings attributes',
      url: 'https://html.spec.whatwg.org/multipage/urls-and-fetching.html#cors-settings-attributes',
    },
    {
      title: 'MDN: Allowing cross-origin use of images and canvas',
      url: 'https://developer.mozilla.org/en-US/docs/Web/HTML/CORS_enabled_image',
    },
  ],
  // An image's no-cors mode is the absence of its crossorigin attribute.
  request: { initiator: 'image', mode: 'no-cors', path: '/photo.svg' },
  broken: {
    middleware: [allowApp],
    response: { raw: greenPixel },
    exchanges: [{ server: 'api', method: 'GET', status: 200, origin: 'absent' }],
    symptoms: [{ kind: 'request-header', name: 'Origin', value: null }],
    js: {
      kind: 'loaded',
      text:
        'load event; reading the canvas failed with SecurityError: Failed to execute ' +
        "'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by cross-origin data.",
    },
  },
  fixed: {
    request: { mode: 'cors' },
    middleware: [allowApp],
    response: { raw: greenPixel },
    exchanges: [{ server: 'api', method: 'GET', status: 200 }],
    js: { kind: 'loaded', text: 'load event; canvas pixel rgba(0, 128, 0, 255)' },
  },
});
