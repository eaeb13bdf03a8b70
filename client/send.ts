/**
 * Sends a scenario's request as the learner's page would, and reads what the servers recorded for it.
 */
import type { OriginMap, RequestSpec, Scenario, VariantName } from '../scenarios/index.ts';
import { recordsPath, traceParameter, type HeaderPair, type TraceRecord } from '../scenarios/records.ts';

/** The result of `fetch()`, as the page's JavaScript sees it. */
export type JsOutcome =
  | { readonly kind: 'rejected'; readonly name: string; readonly message: string }
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly statusText: string;
      /** Only the headers CORS lets JavaScript read: the safelisted ones and any the server exposed. */
      readonly headers: readonly HeaderPair[];
      /** The body as text, indented when it is JSON. */
      readonly body: string;
    };

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
  const { target, path } = scenario.request;
  const url = new URL(`${origins[target]}/scenarios/${scenario.id}/${variant}${path}`);
  url.searchParams.set(traceParameter, trace);
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
  if (request.body !== undefined) init.body = request.body;
  return init;
}

export async function sendRequest(
  url: string,
  request: RequestSpec,
  fetchFn: Fetch = browserFetch,
): Promise<JsOutcome> {
  let response: Response;
  try {
    response = await fetchFn(url, requestInit(request));
  } catch (error) {
    return { kind: 'rejected', ...describeError(error) };
  }

  return {
    kind: 'response',
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: await readBody(response),
  };
}

export function rejectionText(outcome: Extract<JsOutcome, { kind: 'rejected' }>): string {
  return `${outcome.name}: ${outcome.message}`;
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
