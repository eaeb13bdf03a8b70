/**
 * Turns a case's answer into the response the lab sends: origins filled in, and a Location built
 * from the answer's location field. The lab server and `caseResponder` share it, so the evaluator
 * can predict a case from its answers alone, before any browser runs it.
 */
import type { HopResponse, OutgoingRequest, Responder } from '../evaluator/types.ts';
import { fillOrigins, type OriginMap } from '../origins.ts';
import { traceParameter, tracePattern, type HeaderPair } from '../records.ts';
import { encodeAnswers } from './encode.ts';
import { answerForHop, labPathPattern, locationUrl } from './lab-url.ts';
import type { Answer, Case, CaseAnswers, RedirectAnswer } from './schema.ts';

export interface ComposedResponse {
  readonly status: number;
  /** Header pairs as the case lists them, origins filled in, then Location. */
  readonly headers: readonly HeaderPair[];
  readonly body?: string | Uint8Array<ArrayBuffer>;
}

export interface ComposeContext {
  readonly origins: OriginMap;
  readonly hop: number;
  /** The encoded answers, which the Location of a redirect carries on. */
  readonly encodedAnswers: string;
  /** The request's trace id, carried on into the Location so the next hop is recorded with it. */
  readonly trace?: string;
}

/** Builds the response for one answer. */
export function composeAnswer(answer: Answer | RedirectAnswer, context: ComposeContext): ComposedResponse {
  const headers: HeaderPair[] = answer.headers.map(([name, value]) => [name, fillOrigins(value, context.origins)]);
  if (answer.location !== undefined) {
    headers.push([
      'Location',
      locationUrl(answer.location, context.hop, context.encodedAnswers, context.origins, context.trace),
    ]);
  }
  return { status: answer.status, headers, ...(answer.body !== undefined && { body: bodyOf(answer) }) };
}

/** The response for a request the case composes no answer for: a preflight it does not answer, or a hop past the end. */
export const notComposedResponse: ComposedResponse = {
  status: 404,
  headers: [['Content-Type', 'text/plain; charset=UTF-8']],
  body: '404 Not Found',
};

/**
 * Builds a responder for the evaluator that returns what the lab server would send for each request
 * to the case's lab URLs, without a network. Requests to other URLs get no response.
 */
export function caseResponder(value: Case, origins: OriginMap): Responder {
  const encodedAnswers = encodeAnswers(value.answers);
  return function respondFromCase(request: OutgoingRequest): HopResponse | undefined {
    const url = new URL(request.url);
    const match = labPathPattern.exec(url.pathname);
    if (match === null || match[2] !== encodedAnswers) return undefined;
    const hop = Number(match[1]);
    const trace = url.searchParams.get(traceParameter) ?? undefined;
    const composed = respondToHop(value.answers, request.role === 'preflight', {
      origins,
      hop,
      encodedAnswers,
      ...(trace !== undefined && tracePattern.test(trace) && { trace }),
    });
    return { status: composed.status, headers: composed.headers };
  };
}

/** Builds the response for a request at a hop: the composed answer, or 404 where the case composes none. */
export function respondToHop(answers: CaseAnswers, isPreflight: boolean, context: ComposeContext): ComposedResponse {
  const answer = answerForHop(answers, context.hop, isPreflight);
  return answer === undefined ? notComposedResponse : composeAnswer(answer, context);
}

function bodyOf(answer: Answer | RedirectAnswer): string | Uint8Array<ArrayBuffer> {
  const body = answer.body ?? '';
  if (answer.bodyEncoding !== 'base64') return body;
  return Uint8Array.from(atob(body), (char) => char.charCodeAt(0));
}
