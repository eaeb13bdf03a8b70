import { allowAppOriginDiff, defineScenario, missingAllowOriginAtResponse } from '../define.ts';
import { tinyFontBase64 } from '../media/tiny-font.ts';

/** A TrueType font of one glyph, built in code. */
const font = { contentType: 'font/ttf', text: tinyFontBase64, encoding: 'base64' } as const;

export default defineScenario({
  id: 'font-missing-allow-origin',
  title: 'Web font without Access-Control-Allow-Origin',
  category: 'initiators',
  story:
    "The page at {app} uses the brand font that {api} hosts. It loads it with new FontFace('Brand', " +
    "'url(…)').load(), as an @font-face rule in a stylesheet would.",
  explanation:
    'Unlike images and classic scripts, fonts are always fetched in CORS mode, with no attribute to ask ' +
    'for it: a font from another origin is usable only if the server allows the page origin. The response ' +
    'has no Access-Control-Allow-Origin header, so the browser discards the font: load() rejects with a ' +
    'NetworkError, and an @font-face rule would fall back to the next font without any error on the page.',
  rule: 'A cross-origin font loads only if Access-Control-Allow-Origin names the page origin.',
  fix: {
    summary:
      "Add Hono's cors() middleware with an allowlist that contains {app} on the server that hosts the font, " +
      'or serve the font from the page origin.',
    diff: allowAppOriginDiff,
  },
  references: [
    {
      title: 'CSS Fonts Module Level 4: font fetching requirements',
      url: 'https://drafts.csswg.org/css-fonts-4/#font-fetching-requirements',
    },
    {
      title: 'MDN: FontFace load() method',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/FontFace/load',
    },
  ],
  request: { initiator: 'font', path: '/brand.ttf' },
  broken: {
    response: { raw: font },
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { raw: font },
    js: { kind: 'loaded', text: "load() resolved; status 'loaded'" },
  },
});
