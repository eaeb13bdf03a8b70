/**
 * Sends a scenario's request with an initiator other than `fetch()`, and reports what the page's
 * JavaScript can observe: each API signals a CORS block in its own way, and never with a reason.
 */
import { assertNever, type RequestSpec } from '../scenarios/index.ts';
import type { HeaderPair } from '../scenarios/records.ts';
import type { JsOutcome } from './send.ts';

/** Names the call or element that sends the request, as the page's code would write it. */
export function initiatorCode(request: RequestSpec): string {
  switch (request.initiator) {
    case 'fetch':
      return request.mode === 'no-cors' ? "fetch(url, { ...options, mode: 'no-cors' })" : 'fetch(url, options)';
    case 'xhr':
      return request.credentials === 'include'
        ? 'new XMLHttpRequest() with withCredentials = true'
        : 'new XMLHttpRequest()';
    case 'image':
      return request.mode === 'no-cors' ? '<img> without crossorigin' : '<img crossorigin="anonymous">';
    case 'module-script':
      return '<script type="module">';
    case 'event-source':
      return request.credentials === 'include'
        ? 'new EventSource(url, { withCredentials: true })'
        : 'new EventSource(url)';
    case 'beacon':
      return 'navigator.sendBeacon(url, blob)';
    case 'font':
      return "new FontFace(family, 'url(…)').load()";
    case 'stylesheet':
      return '<link rel="stylesheet" crossorigin="anonymous">';
    case 'audio':
      return '<audio crossorigin="anonymous">';
    case 'websocket':
      return 'new WebSocket(url)';
    default:
      return assertNever(request.initiator);
  }
}

/** Sends an XMLHttpRequest. A CORS block fires `error` with status 0, and a readable response fires `load`. */
export function sendXhr(url: string, request: RequestSpec): Promise<JsOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, url);
    // XHR has no credentials mode: withCredentials is its only switch, and it means 'include'.
    xhr.withCredentials = request.credentials === 'include';
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.addEventListener('load', () => {
      resolve({
        kind: 'response',
        status: xhr.status,
        statusText: xhr.statusText,
        headers: parseHeaderLines(xhr.getAllResponseHeaders()),
        body: xhr.responseText,
      });
    });
    xhr.addEventListener('error', () => {
      resolve({ kind: 'error-event', text: `error event (status ${xhr.status})` });
    });
    xhr.send(request.body ?? null);
  });
}

/**
 * Loads an `<img crossorigin="anonymous">`, or a plain `<img>` for no-cors mode, then draws it to a canvas
 * and reads its top-left pixel, which only a CORS-approved image allows without tainting the canvas.
 */
export function loadImage(url: string, request: RequestSpec): Promise<JsOutcome> {
  return new Promise((resolve) => {
    const image = new Image();
    if (request.mode !== 'no-cors') image.crossOrigin = 'anonymous';
    image.addEventListener('load', () => {
      resolve({ kind: 'loaded', text: `load event; ${readTopLeftPixel(image)}` });
    });
    image.addEventListener('error', () => {
      resolve({ kind: 'error-event', text: 'error event' });
    });
    image.src = url;
  });
}

function readTopLeftPixel(image: HTMLImageElement): string {
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (context === null) return 'the canvas has no 2D context';
  context.drawImage(image, 0, 0);
  try {
    const [red, green, blue, alpha] = context.getImageData(0, 0, 1, 1).data;
    return `canvas pixel rgba(${red}, ${green}, ${blue}, ${alpha})`;
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return `reading the canvas failed with ${reason}`;
  }
}

/** Adds a `<script type="module">`, which the browser always fetches in CORS mode, and removes it once it settles. */
export function loadModuleScript(url: string): Promise<JsOutcome> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = url;
    script.addEventListener('load', () => {
      script.remove();
      resolve({ kind: 'loaded', text: 'load event' });
    });
    script.addEventListener('error', () => {
      script.remove();
      resolve({ kind: 'error-event', text: 'error event' });
    });
    document.head.append(script);
  });
}

/**
 * Opens an EventSource and closes it after the first message, because an EventSource reconnects
 * whenever the stream ends. A CORS block fires `error` and leaves it CLOSED (readyState 2).
 */
export function openEventSource(url: string, request: RequestSpec): Promise<JsOutcome> {
  return new Promise((resolve) => {
    const source = new EventSource(url, { withCredentials: request.credentials === 'include' });
    source.addEventListener('message', (event) => {
      source.close();
      resolve({ kind: 'loaded', text: `message event: ${String(event.data)}` });
    });
    source.addEventListener('error', () => {
      const readyState = source.readyState;
      source.close();
      resolve({ kind: 'error-event', text: `error event (readyState ${readyState})` });
    });
  });
}

/**
 * Opens a WebSocket and reads its first message. A refused handshake fires `error` and then `close` with
 * code 1006, and tells the page no more: not the status, and no reason.
 */
export function openWebSocket(url: string): Promise<JsOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    let failed = false;
    socket.addEventListener('message', (event) => {
      socket.close();
      resolve({ kind: 'loaded', text: `message event: ${String(event.data)}` });
    });
    socket.addEventListener('error', () => {
      failed = true;
    });
    socket.addEventListener('close', (event) => {
      const prefix = failed ? 'error event, then close event' : 'close event before any message';
      resolve({ kind: 'error-event', text: `${prefix} (code ${event.code})` });
    });
  });
}

/**
 * Calls `navigator.sendBeacon()` with the body as a Blob of the request's Content-Type. It returns
 * whether the browser queued the beacon, so the page learns nothing of a CORS block.
 */
export function sendBeacon(url: string, request: RequestSpec): JsOutcome {
  const type = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const queued = navigator.sendBeacon(url, new Blob([request.body ?? ''], { type }));
  return { kind: 'beacon', queued };
}

/**
 * Loads a font with the CSS Font Loading API. Fonts are always fetched in CORS mode, so `load()`
 * rejects with a NetworkError when the CORS check fails, and resolves with status 'loaded' when the
 * font arrives and parses.
 */
export async function loadFont(url: string): Promise<JsOutcome> {
  // A family name of its own per attempt, so that a font loaded before never answers for this one.
  const face = new FontFace(`cors-playground-${crypto.randomUUID()}`, `url(${JSON.stringify(url)})`);
  try {
    await face.load();
    return { kind: 'loaded', text: `load() resolved; status '${face.status}'` };
  } catch (error) {
    return { kind: 'error-event', text: `load() rejected with ${errorText(error)}` };
  }
}

/**
 * Adds a `<link rel="stylesheet" crossorigin="anonymous">`, then reads its first rule through
 * `sheet.cssRules`, which a page may read only from a stylesheet that CORS allowed.
 */
export function loadStylesheet(url: string): Promise<JsOutcome> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.crossOrigin = 'anonymous';
    // A media query that matches nothing, so that the stylesheet never restyles the playground.
    link.media = 'not all';
    link.addEventListener('load', () => {
      resolve({ kind: 'loaded', text: `load event; ${readFirstRule(link.sheet)}` });
      link.remove();
    });
    link.addEventListener('error', () => {
      link.remove();
      resolve({ kind: 'error-event', text: 'error event' });
    });
    link.href = url;
    document.head.append(link);
  });
}

function readFirstRule(sheet: CSSStyleSheet | null): string {
  if (sheet === null) return 'the link has no stylesheet';
  try {
    const first = sheet.cssRules[0];
    return `cssRules[0] is ${first === undefined ? 'absent' : JSON.stringify(first.cssText)}`;
  } catch (error) {
    return `reading cssRules failed with ${errorText(error)}`;
  }
}

/**
 * Loads an `<audio crossorigin="anonymous">` until its data is decoded. A CORS block makes the
 * media element fail as if the format were unsupported (code 4).
 */
export function loadAudio(url: string): Promise<JsOutcome> {
  return new Promise((resolve) => {
    const audio = document.createElement('audio');
    audio.crossOrigin = 'anonymous';
    audio.preload = 'auto';
    audio.addEventListener('loadeddata', () => {
      resolve({ kind: 'loaded', text: `loadeddata event; duration ${audio.duration.toFixed(2)} s` });
      audio.removeAttribute('src');
    });
    audio.addEventListener('error', () => {
      const error = audio.error;
      resolve({
        kind: 'error-event',
        text: error === null ? 'error event' : `error event (code ${error.code}: ${error.message})`,
      });
    });
    audio.src = url;
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Splits the text of `getAllResponseHeaders()` into name and value pairs. */
export function parseHeaderLines(text: string): HeaderPair[] {
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
    });
}
