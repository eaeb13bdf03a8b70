import { describe, expect, test } from 'vitest';

import { initiatorCode } from './initiators.ts';
import { scenarioById } from './test-catalog.ts';

describe('initiatorCode', () => {
  test.each([
    ['missing-allow-origin', 'fetch(url, options)'],
    ['xhr-missing-allow-origin', 'new XMLHttpRequest()'],
    ['xhr-wildcard-with-credentials', 'new XMLHttpRequest() with withCredentials = true'],
    ['image-crossorigin-missing-allow-origin', '<img crossorigin="anonymous">'],
    ['module-script-missing-allow-origin', '<script type="module">'],
    ['event-source-missing-allow-origin', 'new EventSource(url)'],
    ['send-beacon-json', 'navigator.sendBeacon(url, blob)'],
    ['font-missing-allow-origin', "new FontFace(family, 'url(…)').load()"],
    ['stylesheet-missing-allow-origin', '<link rel="stylesheet" crossorigin="anonymous">'],
    ['audio-missing-allow-origin', '<audio crossorigin="anonymous">'],
    ['no-cors-opaque', "fetch(url, { ...options, mode: 'no-cors' })"],
  ])('%s', (id, code) => {
    expect(initiatorCode(scenarioById(id).request)).toBe(code);
  });
});
