/**
 * Sends a scenario's request as the learner's page would, and reads what the servers recorded for it.
 */
import {
  assertNever,
  requestOrigin,
  signInPath,
  type OriginMap,
  type RequestSpec,
  type Scenario,
  type SignIn,
  type VariantName,
} from '../scenarios/index.ts';
import {
  loadAudio,
  loadFont,
  loadImage,
  loadModuleScript,
  loadStylesheet,
  openEventSource,
  openWebSocket,
  sendBeacon,
  sendXhr,
} from './initiators.ts';
import { recordsPath, traceParameter, type HeaderPair, type TraceRecord } from '../scenarios/records.ts';

/** The result the page's JavaScript observes from the request's initiator. */
export type JsOutcome =
  /** `fetch()` rejected. */
  | { readonly kind: 'rejected'; readonly name: string; readonly message: string }
  /** `fetch()` resolved, or an XMLHttpRequest loaded. */
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly statusText: string;
      /** Only the headers CORS lets JavaScript read: the safelisted ones and any the server exposed. */
      readonly headers: readonly HeaderPair[];
      /** The body as text, indented when it is JSON. */
      readonly body: string;
      /** `response.type`, for `fetch()` only. */
      readonly type?: ResponseType;
      /** For `fetch()` only: what `response.json()` gave, as compact JSON, or the error as `Name: message`. */
      readonly json?: string;
    }
  /** Another initiator reported failure, for example an `error` event. */
  | { readonly kind: 'error-event'; readonly text: string }
  /** Another initiator reported success, for example a `load` event. */
  | { readonly kind: 'loaded'; readonly text: string }
  /** The return value of `navigator.sendBeacon()`. */
  | { readonly kind: 'beacon'; readonly queued: boolean };

export type RecordsResult =
  | { readonly ok: true; readonly record: TraceRecord }
  | { readonly ok: false; readonly url: string; readonly error: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

// Called through a wrapper because window.fetch throws "Illegal invocation" when called with another `this`.
const browserFetch: Fetch = (input, init) => fetch(input, init);

/**
 * Builds the URL the page requests. The trace goes in the query string, because a custom header would
 * itself make the request non-simple and trigger a preflight.
 */
export function requestUrl(origins: OriginMap, scenario: Scenario, variant: VariantName, trace: string): string {
  const { request } = scenario.variants[variant];
  const url = new URL(`${requestOrigin(request, origins)}/scenarios/${scenario.id}/${variant}${request.path}`);
  url.searchParams.set(traceParameter, trace);
  // A WebSocket handshake goes to the same server and port, under the ws: scheme.
  if (request.initiator === 'websocket') url.protocol = 'ws:';
  if (request.omitScheme === true) return url.href.slice(`${url.protocol}//`.length);
  return url.href;
}

/**
 * Builds the `fetch()` options from the catalog, adding no header that the catalog does not list.
 * It sets no cache mode: `no-store` would make Chromium add `Pragma` and `Cache-Control` request
 * headers that the learner's own app would not send, and each attempt's URL is unique anyway.
 */
export function requestInit(request: RequestSpec): RequestInit {
  const init: RequestInit = {
    method: request.method,
    headers: { ...request.headers },
    credentials: request.credentials,
  };
  if (request.mode !== undefined) init.mode = request.mode;
  if (request.redirect !== undefined) init.redirect = request.redirect;
  if (request.body !== undefined) init.body = request.body;
  return init;
}

/** Sends the request with its initiator, and returns what the page's JavaScript observes. */
export async function sendRequest(
  url: string,
  request: RequestSpec,
  fetchFn: Fetch = browserFetch,
): Promise<JsOutcome> {
  switch (request.initiator) {
    case 'fetch':
      return sendFetch(url, request, fetchFn);
    case 'xhr': {
      const outcome = await sendXhr(url, request);
      return outcome.kind === 'response' ? { ...outcome, body: indentJson(outcome.body) } : outcome;
    }
    case 'image':
      return loadImage(url, request);
    case 'module-script':
      return loadModuleScript(url);
    case 'event-source':
      return openEventSource(url, request);
    case 'beacon':
      return sendBeacon(url, request);
    case 'font':
      return loadFont(url);
    case 'stylesheet':
      return loadStylesheet(url);
    case 'audio':
      return loadAudio(url);
    case 'websocket':
      return openWebSocket(url);
    default:
      return assertNever(request.initiator);
  }
}

async function sendFetch(url: string, request: RequestSpec, fetchFn: Fetch): Promise<JsOutcome> {
  let response: Response;
  try {
    response = await fetchFn(url, requestInit(request));
  } catch (error) {
    return { kind: 'rejected', ...describeError(error) };
  }

  const json = await readJson(response.clone());
  return {
    kind: 'response',
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: await readBody(response),
    type: response.type,
    json,
  };
}

/** Returns what `response.json()` gives, as the page would see it: a value, or the error it throws. */
async function readJson(response: Response): Promise<string> {
  try {
    return JSON.stringify(await response.json());
  } catch (error) {
    const { name, message } = describeError(error);
    return `${name}: ${message}`;
  }
}

/**
 * Gets the cookie the request depends on, as a signed-in user would have it: the target server's
 * sign-in route answers with Set-Cookie. Returns what happened, in one line for the attempt.
 */
export async function signIn(url: string, { via }: SignIn, fetchFn: Fetch = browserFetch): Promise<string> {
  if (via === 'fetch') {
    try {
      const response = await fetchFn(url, { method: 'POST', credentials: 'include' });
      return `POST ${url} with credentials: 'include' answered ${response.status}`;
    } catch (error) {
      const { name, message } = describeError(error);
      return `POST ${url} failed with ${name}: ${message}`;
    }
  }
  // A top-level visit, as when the user signs in on that site: only such a response may set a
  // SameSite=Lax cookie for another site. The sign-in page closes itself.
  const signInWindow = window.open(url, '_blank', 'popup,width=480,height=240');
  if (signInWindow === null) return `the browser blocked the sign-in window for ${url}; allow pop-ups for this page`;
  const deadline = Date.now() + 5000;
  while (!signInWindow.closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!signInWindow.closed) {
    signInWindow.close();
    return `the sign-in window for ${url} did not close itself within 5 s`;
  }
  return `opened ${url} in a window, which got the cookie and closed itself`;
}

/** Builds the URL of the target server's sign-in route for a variant. */
export function signInUrl(origins: OriginMap, scenario: Scenario, variant: VariantName): string {
  const { target } = scenario.variants[variant].request;
  return `${origins[target]}/scenarios/${scenario.id}/${variant}${signInPath}`;
}

export function rejectionText(outcome: Extract<JsOutcome, { kind: 'rejected' }>): string {
  return `${outcome.name}: ${outcome.message}`;
}

/**
 * Returns whether the initiator reported a failure, as a CORS block makes `fetch()` and the element
 * and event APIs do. `sendBeacon()` reports none: it returns true once the beacon is queued.
 */
export function reportedFailure(js: JsOutcome): boolean {
  return js.kind === 'rejected' || js.kind === 'error-event';
}

/** Describes what JavaScript observed in one line, such as `TypeError: Failed to fetch` or `200 OK`. */
export function outcomeLine(js: JsOutcome): string {
  switch (js.kind) {
    case 'rejected':
      return rejectionText(js);
    case 'response':
      return js.statusText === '' ? String(js.status) : `${js.status} ${js.statusText}`;
    case 'error-event':
    case 'loaded':
      return js.text;
    case 'beacon':
      return `sendBeacon() returned ${js.queued}`;
    default:
      return assertNever(js);
  }
}

/**
 * Reads the records of a beacon's trace until they stop changing. `sendBeacon()` returns before the
 * browser sends anything, so the first read may come before the preflight or the POST arrives.
 * NOTE: a POST that arrives more than `stableMs` after the preflight would be missed.
 */
export async function readBeaconRecords(
  origins: OriginMap,
  trace: string,
  fetchFn: Fetch = browserFetch,
  { stableMs = 300, timeoutMs = 3000 } = {},
): Promise<RecordsResult> {
  const deadline = Date.now() + timeoutMs;
  let previous = await readRecords(origins, trace, fetchFn);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, stableMs));
    const next = await readRecords(origins, trace, fetchFn);
    const settled = next.ok && previous.ok && next.record.exchanges.length === previous.record.exchanges.length;
    if ((settled && next.record.exchanges.length > 0) || !next.ok || Date.now() > deadline) return next;
    previous = next;
  }
}

/** Reads the servers' records of one attempt from the records endpoint on the `api` server. */
export async function readRecords(
  origins: OriginMap,
  trace: string,
  fetchFn: Fetch = browserFetch,
): Promise<RecordsResult> {
  const url = `${origins.api}${recordsPath}/${encodeURIComponent(trace)}`;
  const fail = (error: string): RecordsResult => ({ ok: false, url, error });

  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-store' });
  } catch (error) {
    const { name, message } = describeError(error);
    return fail(`the request failed with ${name}: ${message}`);
  }
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).trim().slice(0, 200);
    return fail(`the server answered ${response.status} ${response.statusText}${detail === '' ? '' : `: ${detail}`}`);
  }

  let record: unknown;
  try {
    record = await response.json();
  } catch (error) {
    return fail(`the response is not valid JSON (${describeError(error).message})`);
  }
  if (!isTraceRecord(record)) return fail('the response is not a trace record: expected { trace, exchanges: [...] }');
  if (record.trace !== trace) return fail(`the record is for trace '${record.trace}', expected '${trace}'`);
  return { ok: true, record };
}

function isTraceRecord(value: unknown): value is TraceRecord {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof TraceRecord, unknown>>;
  return typeof candidate.trace === 'string' && Array.isArray(candidate.exchanges);
}

async function readBody(response: Response): Promise<string> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    const { name, message } = describeError(error);
    return `(reading the body failed with ${name}: ${message})`;
  }
  return indentJson(text);
}

/** Indents a JSON text by two spaces, and returns any other text unchanged. */
export function indentJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
