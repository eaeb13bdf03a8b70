/**
 * Compares an attempt with the catalog's expectation, and builds the console message Chromium prints.
 */
import {
  assertNever,
  blockedUrls,
  chromiumConsoleMessage,
  chromiumInitiators,
  describeFailureCause,
  fillConsoleLine,
  fillOrigins,
  isCorsBlock,
  type Expectation,
  type ExpectedExchange,
  type OriginMap,
  type Outcome,
  type RequestInitiator,
  type ServerName,
  type Symptom,
} from '../scenarios/index.ts';
import type { RecordedExchange } from '../scenarios/records.ts';
import type { Attempt } from './attempt.ts';
import { outcomeLine, type JsOutcome } from './send.ts';

/** The browser whose behaviour the catalog's expectations record. */
export const expectedBrowser = 'Chromium 156';

/**
 * Builds the console error Chromium prints for a blocked attempt, or returns undefined when the
 * expected outcome is allowed. `url` is the exact URL requested, trace included, because Chromium quotes it.
 * `pageOrigin` is the origin of the page that sent it: the app's unless a frame sent it.
 */
export function expectedConsoleMessage(
  outcome: Outcome,
  url: string,
  origins: OriginMap,
  initiator: RequestInitiator = 'fetch',
  pageOrigin: string = origins.app,
): string | undefined {
  if (!isCorsBlock(outcome)) return undefined;

  const { detail } = outcome;
  const redirectedTo = outcome.redirectedTo === undefined ? undefined : origins[outcome.redirectedTo];
  return chromiumConsoleMessage({
    initiator: chromiumInitiators[initiator],
    ...blockedUrls(url, redirectedTo),
    origin: pageOrigin,
    corsError: outcome.corsError,
    value: detail.value === undefined ? undefined : fillOrigins(detail.value, origins),
    method: detail.method,
    header: detail.header,
  });
}

/**
 * Builds every console error Chromium prints for an attempt that fails for another reason than CORS, in
 * order, or returns undefined for any other outcome. `page` is the URL of the document that sent the request.
 */
export function expectedConsoleLines(
  outcome: Outcome,
  url: string,
  origins: OriginMap,
  page: { readonly url: string; readonly origin: string },
): string[] | undefined {
  if (outcome.verdict === 'allowed' || isCorsBlock(outcome)) return undefined;
  const context = { url, page: page.url, origin: page.origin };
  return outcome.consoleLines.map((line) => fillConsoleLine(line, context, origins));
}

/** Describes the expected outcome in one sentence, without the final period. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.verdict === 'allowed') return 'Allowed: the browser gives the response to JavaScript';
  if (!isCorsBlock(outcome)) return `Failed, but not by CORS: ${describeFailureCause(outcome.cause)}`;

  switch (outcome.stage) {
    case 'request':
      return "Blocked before sending: the page's own request options forbid it, so no server sees anything";
    case 'preflight':
      return 'Blocked at the preflight: the browser never sends the actual request';
    case 'response':
      return 'Blocked at the response: the server runs the request, but JavaScript cannot read the response';
    case 'redirect':
      return 'Blocked at a redirect: the browser does not follow it';
    default:
      return assertNever(outcome.stage);
  }
}

/**
 * Says how what JavaScript got differs from the expectation: failed against succeeded, another status,
 * or another text. Returns undefined when they agree.
 */
export function jsDivergence(expected: Expectation, js: JsOutcome): string | undefined {
  const expectedJs = expected.js;
  const got = outcomeLine(js);
  switch (expectedJs.kind) {
    case 'type-error':
      if (js.kind === 'rejected') return undefined;
      return `The browser was expected to block this request, but JavaScript got ${got}.`;
    case 'response':
      if (js.kind !== 'response') {
        return `The browser was expected to allow this request with status ${expectedJs.status}, but JavaScript got ${got}.`;
      }
      if (js.status !== expectedJs.status) {
        return `The response was expected to have status ${expectedJs.status}, but JavaScript got ${statusLine(js)}.`;
      }
      return undefined;
    case 'error-event':
    case 'loaded':
      if (js.kind === expectedJs.kind && js.text === expectedJs.text) return undefined;
      return `JavaScript was expected to get ${expectedJs.text}, but it got ${got}.`;
    case 'beacon':
      if (js.kind === 'beacon' && js.queued === expectedJs.queued) return undefined;
      return `sendBeacon() was expected to return ${expectedJs.queued}, but JavaScript got ${got}.`;
    default:
      return assertNever(expectedJs);
  }
}

/**
 * Says how the recorded exchanges differ from the expected ones in server, method or status, in order.
 * Returns undefined when they agree.
 */
export function exchangesDivergence(
  expected: readonly ExpectedExchange[],
  recorded: readonly RecordedExchange[],
): string | undefined {
  const same =
    expected.length === recorded.length &&
    expected.every((exchange, index) => {
      const actual = recorded[index];
      return (
        actual !== undefined &&
        actual.server === exchange.server &&
        actual.method.toUpperCase() === exchange.method.toUpperCase() &&
        actual.status === exchange.status
      );
    });
  if (same) return undefined;
  return `The servers were expected to record ${listExchanges(expected)}, but they recorded ${listExchanges(recorded)}.`;
}

/**
 * The result of comparing the servers' records of an attempt with the catalog. Only the records can tell a
 * CORS block from a network failure, because `fetch()` rejects with the same TypeError for both.
 */
export type RecordsComparison =
  /** The records are not read yet. */
  | { readonly kind: 'pending' }
  /** Reading the records failed, so nothing shows that any server received the request. */
  | { readonly kind: 'unreadable' }
  /** No server recorded the request, although the catalog expects exchanges. */
  | { readonly kind: 'nothing-recorded' }
  | { readonly kind: 'different'; readonly divergence: string }
  | { readonly kind: 'same'; readonly exchanges: string };

export function compareRecords(expected: readonly ExpectedExchange[], attempt: Attempt): RecordsComparison {
  switch (attempt.state) {
    case 'running':
      return { kind: 'pending' };
    case 'records-failed':
      return { kind: 'unreadable' };
    case 'done': {
      const recorded = attempt.records?.exchanges ?? [];
      if (recorded.length === 0 && expected.length > 0) return { kind: 'nothing-recorded' };
      const divergence = exchangesDivergence(expected, recorded);
      if (divergence !== undefined) return { kind: 'different', divergence };
      return { kind: 'same', exchanges: listExchanges(expected) };
    }
    default:
      return assertNever(attempt.state);
  }
}

/** Lists exchanges as "OPTIONS on api (204), then PUT on api (200)", or "nothing". */
function listExchanges(exchanges: readonly ExpectedExchange[]): string {
  if (exchanges.length === 0) return 'nothing';
  return exchanges.map((exchange) => `${exchange.method} on ${exchange.server} (${exchange.status})`).join(', then ');
}

function statusLine(js: Extract<JsOutcome, { kind: 'response' }>): string {
  return js.statusText === '' ? String(js.status) : `${js.status} ${js.statusText}`;
}

/** One expected symptom beside what this attempt showed. */
export interface SymptomReading {
  readonly symptom: Symptom;
  /** What the page or the server got: a header value, null for no header, or undefined while unknown. */
  readonly actual: string | null | undefined;
  readonly matches: boolean;
}

/**
 * Reads each expected symptom from the attempt: response facts from what JavaScript got, and request
 * headers from the target server's record of the actual request.
 */
export function readSymptoms(
  symptoms: readonly Symptom[],
  js: JsOutcome | undefined,
  records: readonly RecordedExchange[] | undefined,
  target: ServerName,
): SymptomReading[] {
  return symptoms.map((symptom) => {
    const actual = readSymptom(symptom, js, records, target);
    return { symptom, actual, matches: actual !== undefined && actual === symptom.value };
  });
}

function readSymptom(
  symptom: Symptom,
  js: JsOutcome | undefined,
  records: readonly RecordedExchange[] | undefined,
  target: ServerName,
): string | null | undefined {
  const response = js?.kind === 'response' ? js : undefined;
  switch (symptom.kind) {
    case 'response-header': {
      if (response === undefined) return undefined;
      const name = symptom.name.toLowerCase();
      return response.headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
    }
    case 'request-header': {
      const actual = records?.findLast((exchange) => exchange.server === target && exchange.method !== 'OPTIONS');
      if (actual === undefined) return undefined;
      const name = symptom.name.toLowerCase();
      return actual.requestHeaders.find(([key]) => key === name)?.[1] ?? null;
    }
    case 'response-type':
      return response?.type;
    case 'json':
      return response?.json;
    default:
      return assertNever(symptom);
  }
}

/** Names what a symptom reads, as the page's code or the server's log would. */
export function symptomSubject(symptom: Symptom): string {
  switch (symptom.kind) {
    case 'response-header':
      return `response.headers.get('${symptom.name}')`;
    case 'request-header':
      return `${symptom.name} header the server received`;
    case 'response-type':
      return 'response.type';
    case 'json':
      return 'await response.json()';
    default:
      return assertNever(symptom);
  }
}
