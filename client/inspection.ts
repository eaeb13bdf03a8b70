/**
 * Reads one attempt with the CORS evaluator: the page replays the servers' records through it, and it
 * returns what the browser checked at each step and why it blocked the request.
 */
import {
  recordOrigins,
  chromiumInitiators,
  type OriginMap,
  type Scenario,
  type VariantName,
} from '../scenarios/index.ts';
import { answeredExchanges } from '../scenarios/closed-connection.ts';
import {
  evaluate,
  PreflightCache,
  responderFromExchanges,
  type CorsRequest,
  type Evaluation,
} from '../scenarios/evaluator/index.ts';
import type { RecordedExchange } from '../scenarios/records.ts';
import { buildSequence, type Sequence } from './sequence.ts';

export interface Inspection {
  readonly evaluation: Evaluation;
  readonly sequence: Sequence;
  /** The record of the response the browser blocked, when it blocked one that a server recorded. */
  readonly faultRecord?: RecordedExchange;
}

export interface InspectionInput {
  readonly scenario: Scenario;
  /** Default: broken. The variant whose request the page sent. */
  readonly variant?: VariantName;
  /** The exact URL the page fetched, trace included. */
  readonly url: string;
  readonly records: readonly RecordedExchange[];
  readonly origins: OriginMap;
  /** The origin the page runs at, which the browser sent as Origin. */
  readonly pageOrigin: string;
  /**
   * Default: none. The sends before this one to the same URL, which filled the browser's preflight cache:
   * the evaluator replays them first, so that it skips a preflight where the browser did.
   */
  readonly earlierSends?: readonly { readonly pageOrigin: string; readonly exchanges: readonly RecordedExchange[] }[];
}

/** Builds the evaluator's request from the catalog, as `sendRequest` sends it with the request's initiator. */
export function attemptRequest(
  scenario: Scenario,
  url: string,
  pageOrigin: string,
  variant: VariantName = 'broken',
): CorsRequest {
  const { method, headers, body, credentials, initiator, mode, redirect } = scenario.variants[variant].request;
  return {
    origin: pageOrigin,
    url,
    method,
    headers,
    credentials,
    initiator: chromiumInitiators[initiator],
    ...(body !== undefined && { body }),
    ...(mode !== undefined && { mode }),
    ...(redirect !== undefined && { redirect }),
  };
}

export function inspectAttempt(input: InspectionInput): Inspection {
  const { scenario, variant, url, records, pageOrigin, earlierSends = [] } = input;
  const origins = recordOrigins(scenario.variants[variant ?? 'broken'].request, input.origins);
  const cache = new PreflightCache('chromium');
  for (const send of earlierSends) {
    const earlierRequest = attemptRequest(scenario, url, send.pageOrigin, variant);
    evaluate(earlierRequest, responderFromExchanges(answeredExchanges(send.exchanges), { origins }), { cache });
  }
  const request = attemptRequest(scenario, url, pageOrigin, variant);
  // A request whose connection the server closed got no response, so the evaluator must not see one.
  const evaluation = evaluate(request, responderFromExchanges(answeredExchanges(records), { origins }), { cache });
  const sequence = buildSequence({ evaluation, records, origins, pageOrigin, request });
  const faultRecord = sequence.steps.find((step) => step.result === 'blocked')?.record;
  return { evaluation, sequence, ...(faultRecord !== undefined && { faultRecord }) };
}
