/**
 * Checks for a variant that sends its request several times (`Expectation.earlierSends`). The page sends
 * them to the same URL before the attempt it shows, so the trace's records and Chromium's reports about
 * that URL begin with theirs.
 */
import { evaluate, PreflightCache, responderFromExchanges } from '../scenarios/evaluator/index.ts';
import {
  chromiumConsoleMessage,
  chromiumInitiators,
  fillOrigins,
  isCorsBlock,
  type EarlierSend,
  type OriginMap,
  type RequestSpec,
  type Scenario,
  type VariantName,
} from '../scenarios/index.ts';
import type { TraceRecord } from '../scenarios/records.ts';
import { expect } from './fixtures.ts';

/** What Chromium reports about the URL for the earlier sends: their CORS console messages and issue kinds. */
export interface EarlierReports {
  readonly messages: readonly string[];
  readonly corsErrors: readonly string[];
}

/** Origin of the page that makes an earlier send. */
function pageOrigin(send: EarlierSend, request: RequestSpec, origins: OriginMap): string {
  const page = send.page ?? request.page ?? { kind: 'app' };
  if (page.kind === 'frame') return fillOrigins(page.origin, origins);
  return page.kind === 'app' ? origins.app : 'null';
}

/** Builds the console messages and issue kinds Chromium reports for the earlier sends that CORS blocked. */
export function earlierReports(
  scenario: Scenario,
  variant: VariantName,
  url: string,
  origins: OriginMap,
): EarlierReports {
  const { request, expected } = scenario.variants[variant];
  const messages: string[] = [];
  const corsErrors: string[] = [];
  for (const send of expected.earlierSends ?? []) {
    if (!isCorsBlock(send.outcome)) continue;
    const { detail, corsError } = send.outcome;
    messages.push(
      chromiumConsoleMessage({
        initiator: chromiumInitiators[request.initiator],
        url,
        origin: pageOrigin(send, request, origins),
        corsError,
        value: detail.value === undefined ? undefined : fillOrigins(detail.value, origins),
        method: detail.method,
        header: detail.header,
      }),
    );
    corsErrors.push(corsError);
  }
  return { messages, corsErrors };
}

/**
 * Checks what the servers recorded for each earlier send, and feeds those sends to the evaluator with a
 * preflight cache, whose verdicts must match the catalog's. Returns the last send's records alone and the
 * cache, which the evaluator needs for the last send as the browser had it.
 */
export function checkEarlierSends(
  scenario: Scenario,
  variant: VariantName,
  all: TraceRecord,
  url: string,
  origins: OriginMap,
): { record: TraceRecord; cache: PreflightCache } {
  const { request, expected } = scenario.variants[variant];
  const cache = new PreflightCache('chromium');
  let offset = 0;

  for (const [index, send] of (expected.earlierSends ?? []).entries()) {
    const exchanges = all.exchanges.slice(offset, offset + send.exchanges.length);
    offset += send.exchanges.length;
    const seen = exchanges.map(({ server, method, status }) => ({ server, method, status }));
    expect(seen, `what the servers recorded for send ${index + 1}`).toEqual(
      send.exchanges.map(({ server, method, status }) => ({ server, method, status })),
    );

    const evaluation = evaluate(
      {
        origin: pageOrigin(send, request, origins),
        url,
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined && { body: request.body }),
        credentials: request.credentials,
        initiator: chromiumInitiators[request.initiator],
      },
      responderFromExchanges(exchanges, { origins }),
      { cache },
    );
    expect(evaluation.verdict, `the evaluator's verdict on send ${index + 1}`).toBe(send.outcome.verdict);
  }
  return { record: { ...all, exchanges: all.exchanges.slice(offset) }, cache };
}
