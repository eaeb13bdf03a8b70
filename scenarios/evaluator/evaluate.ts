/**
 * Entry points: evaluate a request against a responder, which responds synchronously or
 * asynchronously (as real servers do), and assemble the result shown to a learner.
 */
import { assertNever } from '../chromium-messages.ts';
import { explain } from './explanations.ts';
import { fetchSteps, type FetchRun, type StepOptions } from './fetch-steps.ts';
import { chromiumConsoleLines, corsConsoleMessage, firefoxReason, type ConsoleContext } from './messages.ts';
import type { PreflightCache } from './preflight-cache.ts';
import { prepareRequest, type PreparedRequest } from './request-setup.ts';
import type {
  AsyncResponder,
  ConstructionErrorOutcome,
  CorsRequest,
  Deviation,
  DroppedHeader,
  Evaluation,
  Exchange,
  JsView,
  OutgoingRequest,
  Outcome,
  Responder,
} from './types.ts';

export interface EvaluateOptions {
  /** A preflight cache that persists between evaluations. Default: no cache, so every preflight is sent. */
  readonly cache?: PreflightCache;
  /** Milliseconds on the cache's clock. Default: `Date.now()`. */
  readonly now?: number;
}

/** Evaluates the request with a responder that responds synchronously. */
export function evaluate(request: CorsRequest, responder: Responder, options: EvaluateOptions = {}): Evaluation {
  const prepared = prepareRequest(request);
  if (!prepared.ok) return constructionEvaluation(prepared.outcome, prepared.droppedHeaders, request);

  const now = options.now ?? Date.now();
  const cacheBefore = options.cache?.clone();
  const run = drive(prepared.request, { conformance: 'chromium-156', cache: options.cache, now }, responder);
  if (!run.authorizationCoveredByWildcard) return assemble(prepared.request, run);

  const standardOptions: StepOptions = { conformance: 'standard', cache: cacheBefore, now };
  const standardRun = drive(prepared.request, standardOptions, replay(run.exchanges, responder));
  return assemble(prepared.request, run, standardRun);
}

/** Evaluates the request with a responder that may respond asynchronously, such as servers run in-process. */
export async function evaluateAsync(
  request: CorsRequest,
  responder: AsyncResponder,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const prepared = prepareRequest(request);
  if (!prepared.ok) return constructionEvaluation(prepared.outcome, prepared.droppedHeaders, request);

  const now = options.now ?? Date.now();
  const cacheBefore = options.cache?.clone();
  const run = await driveAsync(prepared.request, { conformance: 'chromium-156', cache: options.cache, now }, responder);
  if (!run.authorizationCoveredByWildcard) return assemble(prepared.request, run);

  const standardOptions: StepOptions = { conformance: 'standard', cache: cacheBefore, now };
  const standardRun = await driveAsync(prepared.request, standardOptions, replayAsync(run.exchanges, responder));
  return assemble(prepared.request, run, standardRun);
}

function drive(request: PreparedRequest, options: StepOptions, responder: Responder): FetchRun {
  const steps = fetchSteps(request, options);
  let step = steps.next();
  while (step.done !== true) step = steps.next(responder(step.value));
  return step.value;
}

async function driveAsync(
  request: PreparedRequest,
  options: StepOptions,
  responder: AsyncResponder,
): Promise<FetchRun> {
  const steps = fetchSteps(request, options);
  let step = steps.next();
  while (step.done !== true) step = steps.next(await responder(step.value));
  return step.value;
}

/**
 * Returns the responses an earlier run got, in order, while the requests are the same, so a
 * second run does not send a server that records each request the same request twice. Returns
 * `miss` once the runs diverge, and the caller then calls the real responder.
 */
function replayer(exchanges: readonly Exchange[]): (request: OutgoingRequest) => Exchange['response'] | 'miss' {
  let index = 0;
  return (request) => {
    const recorded = exchanges[index];
    index += 1;
    return recorded !== undefined && isSameRequest(recorded.request, request) ? recorded.response : 'miss';
  };
}

function replay(exchanges: readonly Exchange[], fallback: Responder): Responder {
  const next = replayer(exchanges);
  return (request) => {
    const recorded = next(request);
    return recorded === 'miss' ? fallback(request) : recorded;
  };
}

function replayAsync(exchanges: readonly Exchange[], fallback: AsyncResponder): AsyncResponder {
  const next = replayer(exchanges);
  return (request) => {
    const recorded = next(request);
    return recorded === 'miss' ? fallback(request) : recorded;
  };
}

function isSameRequest(a: OutgoingRequest, b: OutgoingRequest): boolean {
  return a.role === b.role && a.method === b.method && a.url === b.url && a.origin === b.origin;
}

const authorizationDeviation: Deviation = {
  rule: 'authorization-covered-by-wildcard',
  note:
    'Chromium 156 lets Authorization through under Access-Control-Allow-Headers: * because its ' +
    'NonWildcardRequestHeadersSupport feature is off, and reports only a deprecation issue. The Fetch ' +
    'Standard makes Authorization a CORS non-wildcard request-header name, which * never covers.',
};

function assemble(request: PreparedRequest, run: FetchRun, standardRun?: FetchRun): Evaluation {
  const { outcome, facts } = run;
  const consoleContext: ConsoleContext = {
    initiator: request.initiator,
    pageOrigin: request.origin.serialized,
    url: facts.url,
    redirectedFrom: facts.redirectedFrom,
    status: facts.status,
  };
  const consoleMessage = corsConsoleMessage(outcome, consoleContext);
  const deviates = standardRun !== undefined && standardRun.outcome.verdict !== outcome.verdict;

  // NOTE: where Chromium deviates, Firefox's reason comes from the standard's outcome, because
  // Gecko also keeps * from covering Authorization by default. That default was not run.
  const firefoxRun = deviates ? standardRun : run;
  const firefox = firefoxReason(firefoxRun.outcome, {
    url: firefoxRun.facts.url,
    status: firefoxRun.facts.status,
    allowOriginLines: firefoxRun.facts.allowOriginLines,
    invalidToken: firefoxRun.facts.invalidToken,
  });

  const explanation = deviates
    ? `Chromium 156 sent the ${facts.method} because Access-Control-Allow-Headers is *, but the Fetch Standard ` +
      'never lets * cover Authorization and blocks the request. List it by name: Access-Control-Allow-Headers: *, Authorization.'
    : explain(outcome, {
        method: facts.method,
        pageOrigin: request.origin.serialized,
        requestOrigin: facts.requestOrigin,
        url: facts.url,
        status: facts.status,
        credentials: request.credentials,
        location: facts.location,
        droppedHeaders: request.droppedHeaders,
      });

  return {
    verdict: outcome.verdict,
    outcome,
    ...(deviates && {
      standard: { outcome: standardRun.outcome, exchanges: standardRun.exchanges },
      deviation: authorizationDeviation,
    }),
    exchanges: run.exchanges,
    droppedHeaders: request.droppedHeaders,
    ...(consoleMessage !== undefined && { consoleMessage }),
    consoleLines: chromiumConsoleLines(outcome, consoleContext),
    js: jsView(outcome, request.initiator),
    ...(firefox !== undefined && { firefox }),
    explanation,
  };
}

function constructionEvaluation(
  outcome: ConstructionErrorOutcome,
  droppedHeaders: readonly DroppedHeader[],
  request: CorsRequest,
): Evaluation {
  const initiator = request.initiator ?? 'fetch';
  return {
    verdict: outcome.verdict,
    outcome,
    exchanges: [],
    droppedHeaders,
    consoleLines: [],
    js: initiator === 'fetch' ? { kind: 'type-error', message: outcome.message } : jsView(outcome, initiator),
    explanation: explain(outcome, {
      method: request.method,
      pageOrigin: request.origin,
      requestOrigin: request.origin,
      url: request.url,
      status: undefined,
      credentials: request.credentials ?? 'same-origin',
      location: undefined,
      droppedHeaders,
    }),
  };
}

/** The failure each initiator reports to the page, as observed in Chromium 156. */
const failureDescriptions: Readonly<Record<Exclude<PreparedRequest['initiator'], 'fetch'>, string>> = {
  xhr: "an 'error' event, with status 0 and readyState 4",
  image: "an 'error' event on the element",
  script: "an 'error' event on the element",
  stylesheet: "an 'error' event on the element",
  font: 'FontFace.load() rejects with NetworkError: A network error occurred.',
  audio: "an 'error' event with MEDIA_ELEMENT_ERROR: Format error (code 4)",
  resource: "an 'error' event (EventSource readyState 2); navigator.sendBeacon() still returns true",
};

function jsView(outcome: Outcome, initiator: PreparedRequest['initiator']): JsView {
  switch (outcome.verdict) {
    case 'allowed':
      return {
        kind: 'response',
        type: outcome.responseType,
        status: outcome.status,
        url: outcome.url,
        redirected: outcome.redirected,
        headers: outcome.readableHeaders,
      };
    case 'opaque':
      return { kind: 'opaque', type: outcome.responseType, status: 0 };
    case 'blocked':
      if (initiator === 'fetch') {
        return { kind: 'type-error', message: outcome.kind === 'construction' ? outcome.message : 'Failed to fetch' };
      }
      return { kind: 'error-event', description: failureDescriptions[initiator] };
    default:
      return assertNever(outcome);
  }
}
