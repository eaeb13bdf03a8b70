import { allowAppOriginDiff, defineScenario, missingAllowOriginAtResponse } from '../define.ts';
import { tinyWavBase64 } from '../media/tiny-wav.ts';

/** A tenth of a second of a tone, as a WAV built in code. */
const chime = { contentType: 'audio/wav', text: tinyWavBase64, encoding: 'base64' } as const;

export default defineScenario({
  id: 'audio-missing-allow-origin',
  title: 'Audio with crossorigin but no Access-Control-Allow-Origin',
  category: 'initiators',
  story:
    'The page at {app} plays a notification chime from {api} through <audio crossorigin="anonymous">, ' +
    'so that the Web Audio API can analyse the sound it plays.',
  explanation:
    'Without the crossorigin attribute, an <audio> element plays sound from any origin, but the Web Audio ' +
    'API outputs silence for it. crossorigin="anonymous" makes the browser fetch it in CORS mode instead. ' +
    'The response has no Access-Control-Allow-Origin header, so the CORS check fails and the element ' +
    'reports a media error, code 4, as if the format were not supported.',
  rule: 'Audio with a crossorigin attribute loads only if Access-Control-Allow-Origin names the page origin.',
  fix: {
    summary: "Add Hono's cors() middleware with an allowlist that contains {app} on the server that hosts the sound.",
    diff: allowAppOriginDiff,
  },
  references: [
    {
      title: 'HTML Standard: media elements, the crossorigin attribute',
      url: 'https://html.spec.whatwg.org/multipage/media.html#attr-media-crossorigin',
    },
    {
      title: 'MDN: HTMLMediaElement crossOrigin property',
      url: 'https://developer.mozilla.org/en-US/docs/Web/API/HTMLMediaElement/crossOrigin',
    },
  ],
  request: { initiator: 'audio', path: '/chime.wav' },
  broken: {
    response: { raw: chime },
    outcome: missingAllowOriginAtResponse,
  },
  fixed: {
    middleware: [{ kind: 'cors', settings: { origin: ['{app}'] } }],
    response: { raw: chime },
    js: { kind: 'loaded', text: 'loadeddata event; duration 0.10 s' },
  },
});
