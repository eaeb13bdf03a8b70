/**
 * One attempt: send the scenario's request from this page, then read what the servers recorded for it.
 */
import type { OriginMap, Scenario, VariantName } from '../scenarios/index.ts';
import type { TraceRecord } from '../scenarios/records.ts';
import { readRecords, requestUrl, sendRequest, type JsOutcome } from './send.ts';

/** `running` until the records are read, then `done`, or `records-failed` when reading them failed. */
export type AttemptState = 'running' | 'done' | 'records-failed';

export interface Attempt {
  readonly trace: string;
  /** The exact URL fetched, trace included. */
  readonly url: string;
  readonly state: AttemptState;
  /** Absent until `fetch()` settles. */
  readonly js?: JsOutcome;
  /** Present when the state is `done`. */
  readonly records?: TraceRecord;
  /** Present when the state is `records-failed`. */
  readonly recordsError?: { readonly url: string; readonly error: string };
}

export interface AttemptRequest {
  readonly scenario: Scenario;
  readonly variant: VariantName;
  readonly origins: OriginMap;
  readonly trace: string;
}

/**
 * Runs one attempt and reports each step to `onChange`: the start, what JavaScript got, and the records.
 * Returns the finished attempt.
 */
export async function runAttempt(
  { scenario, variant, origins, trace }: AttemptRequest,
  onChange: (attempt: Attempt) => void,
  fetchFn?: (input: string, init?: RequestInit) => Promise<Response>,
): Promise<Attempt> {
  const url = requestUrl(origins, scenario, variant, trace);
  let attempt: Attempt = { trace, url, state: 'running' };
  onChange(attempt);

  const js = await sendRequest(url, scenario.request, fetchFn);
  attempt = { ...attempt, js };
  onChange(attempt);

  const records = await readRecords(origins, trace, fetchFn);
  attempt = records.ok
    ? { ...attempt, state: 'done', records: records.record }
    : { ...attempt, state: 'records-failed', recordsError: { url: records.url, error: records.error } };
  onChange(attempt);
  return attempt;
}
