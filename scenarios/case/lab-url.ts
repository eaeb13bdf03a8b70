/**
 * The lab's URLs: every playground server answers `GET|POST|… /lab/<hop>/<answers>` with the
 * answer that the encoded answers compose for that hop, so a link alone reproduces a case.
 */
import { chromiumInitiators } from '../chromium-messages.ts';
import type { CorsRequest } from '../evaluator/types.ts';
import type { OriginMap, ServerName } from '../origins.ts';
import { traceParameter } from '../records.ts';
import { encodeAnswers } from './encode.ts';
import type { Case, CaseAnswers, Location } from './schema.ts';

export const labPath = '/lab';

/** Matches a lab path: `/lab/<hop>/<encoded answers>`, with an optional trailing slash. */
export const labPathPattern = /^\/lab\/(\d{1,2})\/([A-Za-z0-9_-]+)\/?$/;

export interface LabUrlOptions {
  readonly origins: OriginMap;
  readonly target: ServerName;
  /** Position in the redirect chain: 0 for the URL the page requests. */
  readonly hop: number;
  /** The encoded answers, from `encodeAnswers`. */
  readonly answers: string;
  readonly trace?: string;
  /** `user` or `user:password` to put into the URL. */
  readonly userinfo?: string;
}

/** Builds the lab URL of one hop. */
export function labUrl({ origins, target, hop, answers, trace, userinfo }: LabUrlOptions): string {
  const url = new URL(`${origins[target]}${labPath}/${hop}/${answers}`);
  if (trace !== undefined) url.searchParams.set(traceParameter, trace);
  if (userinfo !== undefined) {
    const separator = userinfo.indexOf(':');
    url.username = separator === -1 ? userinfo : userinfo.slice(0, separator);
    if (separator !== -1) url.password = userinfo.slice(separator + 1);
  }
  return url.href;
}

/** Builds the URL of the next hop that a redirect's Location points at. */
export function locationUrl(
  location: Location,
  hop: number,
  answers: string,
  origins: OriginMap,
  trace?: string,
): string {
  return labUrl({
    origins,
    target: location.target,
    hop: hop + 1,
    answers,
    ...(trace !== undefined && { trace }),
    ...(location.userinfo !== undefined && { userinfo: location.userinfo }),
  });
}

/** The URL the case's page requests: hop 0 on the target server. */
export function caseUrl(value: Case, origins: OriginMap, trace?: string): string {
  return labUrl({
    origins,
    target: value.request.target,
    hop: 0,
    answers: encodeAnswers(value.answers),
    ...(trace !== undefined && { trace }),
  });
}

/** The page origin, serialized, or `null` for the sandboxed page's opaque origin. */
export function pageOrigin(value: Case, origins: OriginMap): string {
  const { pageOrigin: name, pageHost } = value.request;
  if (name === 'null') return 'null';
  if (pageHost === undefined) return origins[name];
  const url = new URL(origins[name]);
  url.hostname = pageHost;
  return url.origin;
}

/** Builds the evaluator's input for a case: the request its page makes to its lab URL. */
export function caseRequest(value: Case, origins: OriginMap, trace?: string): CorsRequest {
  const { request } = value;
  return {
    origin: pageOrigin(value, origins),
    url: caseUrl(value, origins, trace),
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && { body: request.body }),
    credentials: request.credentials,
    mode: request.mode,
    redirect: request.redirect,
    initiator: chromiumInitiators[request.initiator],
  };
}

/**
 * Returns the answer for a request at a hop, or undefined when the case composes none: a preflight
 * the case does not answer, or a hop past the response.
 */
export function answerForHop(
  answers: CaseAnswers,
  hop: number,
  isPreflight: boolean,
): CaseAnswers['response'] | CaseAnswers['redirects'][number] | undefined {
  if (isPreflight) {
    if (hop === 0) return answers.preflight;
    if (hop > answers.redirects.length) return undefined;
    return answers.redirects[hop - 1]?.preflight ?? answers.preflight;
  }
  if (hop < answers.redirects.length) return answers.redirects[hop];
  return hop === answers.redirects.length ? answers.response : undefined;
}
