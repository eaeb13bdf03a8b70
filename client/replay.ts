/**
 * The replay endpoint's contract, and the page's reader for it. The endpoint sends a scenario's request
 * as curl or Postman would, without an Origin header, so the page can show what a non-browser client gets.
 */
import type { OriginMap, VariantName } from '../scenarios/index.ts';
import { replayPath, type ReplayResponse } from '../scenarios/records.ts';

export { replayPath, type ReplayResponse };

export type ReplayResult =
  | { readonly ok: true; readonly response: ReplayResponse }
  | { readonly ok: false; readonly url: string; readonly error: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

// Called through a wrapper because window.fetch throws "Illegal invocation" when called with another `this`.
const browserFetch: Fetch = (input, init) => fetch(input, init);

export function replayUrl(origins: OriginMap, scenarioId: string, variant: VariantName): string {
  return `${origins.api}${replayPath}/${encodeURIComponent(scenarioId)}/${variant}`;
}

/** Asks the `api` server to replay the scenario's request without an Origin header, and reads its response. */
export async function readReplay(
  origins: OriginMap,
  scenarioId: string,
  variant: VariantName,
  fetchFn: Fetch = browserFetch,
): Promise<ReplayResult> {
  const url = replayUrl(origins, scenarioId, variant);
  const fail = (error: string): ReplayResult => ({ ok: false, url, error });

  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-store' });
  } catch (error) {
    return fail(`the request failed with ${String(error)}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    return fail(`the server answered ${response.status} with a body that is not JSON (${String(error)})`);
  }
  if (!response.ok) {
    const message = isRecord(body) && typeof body.error === 'string' ? body.error : JSON.stringify(body);
    return fail(`the server answered ${response.status}: ${message}`);
  }
  if (!isReplayResponse(body)) {
    return fail('the response is not a replay result: expected { status, headers, body, … }');
  }
  return { ok: true, response: body };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isReplayResponse(value: unknown): value is ReplayResponse {
  return (
    isRecord(value) &&
    typeof value.status === 'number' &&
    typeof value.statusText === 'string' &&
    Array.isArray(value.headers) &&
    typeof value.body === 'string' &&
    typeof value.trace === 'string' &&
    isRecord(value.request)
  );
}
