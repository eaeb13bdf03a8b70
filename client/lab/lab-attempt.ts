/**
 * One lab attempt: send the composed request from the chosen page origin to the lab URL, which answers
 * as the case composes, then read what the servers recorded. The attempt has the same shape as a
 * scenario's, so the inspector's components show it.
 */
import { caseUrl, pageOrigin, type Case, type PageOrigin } from '../../scenarios/case/index.ts';
import { assertNever, type OriginMap, type RequestSpec } from '../../scenarios/index.ts';
import { runnerPath, runnerScriptPath } from '../../scenarios/runner-protocol.ts';
import type { Attempt } from '../attempt.ts';
import { runInFrame } from '../frame-runner.ts';
import { readBeaconRecords, readRecords, sendRequest, type JsOutcome } from '../send.ts';

/** Builds the request the page sends, in the form the app page and the runner frames both take. */
export function labRequestSpec(value: Case): RequestSpec {
  const { request } = value;
  return {
    initiator: request.initiator,
    target: request.target,
    path: '',
    method: request.method,
    headers: headerRecord(request.headers),
    ...(request.body !== undefined && { body: request.body }),
    credentials: request.credentials,
    mode: request.mode,
    redirect: request.redirect,
  };
}

/**
 * Joins the header pairs into the record that `fetch()` takes. A repeated name gets its values joined
 * with ", ", which is what `Headers.append()` sends for a repeated name too.
 */
function headerRecord(pairs: readonly (readonly [string, string])[]): Record<string, string> {
  const record: Record<string, string> = {};
  const names = new Map<string, string>();
  for (const [name, value] of pairs) {
    const key = names.get(name.toLowerCase()) ?? name;
    names.set(name.toLowerCase(), key);
    record[key] = record[key] === undefined ? value : `${record[key]}, ${value}`;
  }
  return record;
}

/** Sends the request from the case's page: the app page itself, a runner frame on another origin, or a sandboxed frame. */
export function sendFromCasePage(value: Case, url: string, origins: OriginMap): Promise<JsOutcome> {
  const spec = labRequestSpec(value);
  const page = value.request.pageOrigin;
  switch (page) {
    case 'app':
      return sendRequest(url, spec);
    case 'null':
      return runInFrame({ kind: 'sandboxed-frame', scriptUrl: `${origins.api}${runnerScriptPath}` }, url, spec);
    default: {
      // Every playground server serves the runner page under any host name that reaches its port.
      const origin = pageOrigin(value, origins);
      return runInFrame({ kind: 'frame', src: `${origin}${runnerPath}`, origin }, url, spec);
    }
  }
}

/** Runs one attempt and reports each step to `onChange`: the start, what JavaScript got, and the records. */
export async function runLabAttempt(
  value: Case,
  origins: OriginMap,
  trace: string,
  onChange: (attempt: Attempt) => void,
): Promise<Attempt> {
  const url = caseUrl(value, origins, trace);
  let attempt: Attempt = { trace, url, state: 'running' };
  onChange(attempt);

  const js = await sendFromCasePage(value, url, origins);
  attempt = { ...attempt, js };
  onChange(attempt);

  const records =
    value.request.initiator === 'beacon' ? await readBeaconRecords(origins, trace) : await readRecords(origins, trace);
  attempt = records.ok
    ? { ...attempt, state: 'done', records: records.record }
    : { ...attempt, state: 'records-failed', recordsError: { url: records.url, error: records.error } };
  onChange(attempt);
  return attempt;
}

/** Returns the serialized origin of a page, as `pageOrigin` returns it for a case's page. */
export function pageOriginOf(name: PageOrigin, origins: OriginMap): string {
  // pageOrigin reads the page origin alone, so a case with only that field gives the same answer.
  return pageOrigin({ request: { pageOrigin: name } } as Case, origins);
}

/** Names the page that sends the request, for the page's own text. */
export function pageDescription(name: PageOrigin, origins: OriginMap): string {
  switch (name) {
    case 'app':
      return `this page (${origins.app})`;
    case 'null':
      return 'a sandboxed frame, whose origin is null';
    default:
      return `a frame at ${pageOriginOf(name, origins)}`;
  }
}

// Kept exhaustive here, so a new initiator in the case format shows up as a type error in the lab.
export function initiatorLabel(initiator: Case['request']['initiator']): string {
  switch (initiator) {
    case 'fetch':
      return 'fetch()';
    case 'xhr':
      return 'XMLHttpRequest';
    case 'image':
      return '<img crossorigin>';
    case 'module-script':
      return '<script type="module">';
    case 'event-source':
      return 'EventSource';
    case 'beacon':
      return 'navigator.sendBeacon()';
    case 'font':
      return '@font-face';
    case 'stylesheet':
      return '<link rel="stylesheet" crossorigin>';
    case 'audio':
      return '<audio crossorigin>';
    default:
      return assertNever(initiator);
  }
}
