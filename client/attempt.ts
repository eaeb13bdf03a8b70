/**
 * One attempt: send the scenario's request from this page, then read what the servers recorded for it,
 * and, in parallel, what a non-browser client gets for the same request.
 */
import type { OriginMap, Scenario, VariantName } from '../scenarios/index.ts';
import type { TraceRecord } from '../scenarios/records.ts';
import type { EarlierSendResult } from './earlier-sends.ts';
import { readReplay, type ReplayResult } from './replay.ts';
import { sendFromPage } from './frame-runner.ts';
import { readBeaconRecords, readRecords, requestUrl, signIn, signInUrl, type JsOutcome } from './send.ts';

/** Performance marks around an attempt, which `scripts/bench-inspector.ts` measures. */
export const attemptSettledMark = 'cors-playground:attempt-settled';
export const inspectorRenderedMark = 'cors-playground:inspector-rendered';

/** `running` until the records are read, then `done`, or `records-failed` when reading them failed. */
export type AttemptState = 'running' | 'done' | 'records-failed';

export interface Attempt {
  readonly trace: string;
  /** The exact URL fetched, trace included. */
  readonly url: string;
  readonly state: AttemptState;
  /** Absent until the request's initiator reports a result. */
  readonly js?: JsOutcome;
  /** Present when the state is `done`. */
  readonly records?: TraceRecord;
  /** Present when the state is `records-failed`. */
  readonly recordsError?: { readonly url: string; readonly error: string };
  /** What the sign-in before the request did, when the request depends on a cookie. */
  readonly signIn?: string;
  /** Replay endpoint's result for the same request without an Origin header, absent until it responds. */
  readonly replay?: ReplayResult;
  /** The sends before this one to the same URL, for a scenario that sends its request several times. */
  readonly earlierSends?: readonly EarlierSendResult[];
}

export interface AttemptRequest {
  readonly scenario: Scenario;
  readonly variant: VariantName;
  readonly origins: OriginMap;
  readonly trace: string;
}

/**
 * Runs one attempt and reports each step to `onChange`: the start, what JavaScript got, the records, and
 * the replay, which runs in parallel and may arrive at any point. Returns the attempt once all are in.
 */
export async function runAttempt(
  { scenario, variant, origins, trace }: AttemptRequest,
  onChange: (attempt: Attempt) => void,
  fetchFn?: (input: string, init?: RequestInit) => Promise<Response>,
): Promise<Attempt> {
  const url = requestUrl(origins, scenario, variant, trace);
  let attempt: Attempt = { trace, url, state: 'running' };
  onChange(attempt);

  // Each update spreads the latest attempt, so the replay's result and the main steps never overwrite each other.
  const replay = readReplay(origins, scenario.id, variant, fetchFn).then((result) => {
    attempt = { ...attempt, replay: result };
    onChange(attempt);
  });

  const { request } = scenario.variants[variant];
  if (request.signIn !== undefined) {
    attempt = { ...attempt, signIn: await signIn(signInUrl(origins, scenario, variant), request.signIn, fetchFn) };
    onChange(attempt);
  }

  const js = await sendFromPage(url, request, { origins, scenarioId: scenario.id, variant }, fetchFn);
  performance.mark(attemptSettledMark, { detail: { trace } });
  attempt = { ...attempt, js };
  onChange(attempt);

  const records =
    request.initiator === 'beacon'
      ? await readBeaconRecords(origins, trace, fetchFn)
      : await readRecords(origins, trace, fetchFn);
  attempt = records.ok
    ? { ...attempt, state: 'done', records: records.record }
    : { ...attempt, state: 'records-failed', recordsError: { url: records.url, error: records.error } };
  onChange(attempt);

  await replay;
  return attempt;
}
