/**
 * The fetch algorithm as a generator: it yields each request the browser sends and receives the
 * server's response, so the same steps run against a synchronous table of responses or against
 * real servers. The steps follow the Fetch Standard's "main fetch", "HTTP fetch" and
 * "HTTP-redirect fetch"; where Chromium 156 orders the checks differently, Chromium's order wins.
 */
import { isCorsSafelistedMethod, needsPreflight } from '../fetch-rules.ts';
import type { HeaderPair } from '../records.ts';
import type { Stage } from '../types.ts';
import { corsCheck, corsCheckDetail, expectedCorsValue } from './cors-check.ts';
import { exposeHeaders } from './exposed-headers.ts';
import { countHeaderLines, normalizeHeaders } from './headers.ts';
import { includesCredentials, isHttpScheme, isSameOriginWithUrl } from './origins.ts';
import { checkPreflightResponse, preflightHeaders, unsafeNamesInCheckOrder, type Conformance } from './preflight.ts';
import type { CacheKey, PreflightCache } from './preflight-cache.ts';
import { maxRedirects, parseLocation, redirectLocation, redirectRequest, taintsOrigin } from './redirects.ts';
import type { PreparedRequest } from './request-setup.ts';
import type {
  CorsBlockedOutcome,
  EvaluatorFault,
  Exchange,
  FailureStage,
  HopResponse,
  NetworkErrorOutcome,
  NetworkErrorReason,
  NormalizedResponse,
  OutgoingRequest,
  Outcome,
  RendererCorsError,
} from './types.ts';

export interface StepOptions {
  readonly conformance: Conformance;
  readonly cache: PreflightCache | undefined;
  /** Milliseconds on the cache's clock. */
  readonly now: number;
}

/** Facts about the exchange where the fetch ended, which messages and explanations quote. */
export interface RunFacts {
  /** URL of the request whose response decided the outcome, serialized. */
  readonly url: string;
  /** The first URL, when that request followed a redirect. */
  readonly redirectedFrom: string | undefined;
  readonly method: string;
  /** The Origin the browser sent at that hop: the page origin, or `null` after a tainting redirect. */
  readonly requestOrigin: string;
  readonly status: number | undefined;
  /** The redirect's Location value, for failures on a redirect or a redirected preflight. */
  readonly location: string | undefined;
  readonly allowOriginLines: number;
  readonly invalidToken: string | undefined;
}

export interface FetchRun {
  readonly outcome: Outcome;
  readonly exchanges: readonly Exchange[];
  readonly facts: RunFacts;
  /** Whether Chromium 156 let `Authorization` through only because a list held `*`. */
  readonly authorizationCoveredByWildcard: boolean;
}

type ResponseTainting = 'basic' | 'cors' | 'opaque';

export function* fetchSteps(
  request: PreparedRequest,
  options: StepOptions,
): Generator<OutgoingRequest, FetchRun, HopResponse | undefined> {
  const { conformance, cache, now } = options;
  const exchanges: Exchange[] = [];
  const urlList: URL[] = [request.url];
  let method = request.method;
  let headers: readonly HeaderPair[] = request.headers;
  let hasBody = request.hasBody;
  let tainting: ResponseTainting = 'basic';
  let tainted = false;
  let redirectCount = 0;
  let authorizationCoveredByWildcard = false;

  for (;;) {
    const url = urlList[urlList.length - 1]!;
    const hop = urlList.length - 1;
    const requestOrigin = tainted ? 'null' : request.origin.serialized;
    const finish = (outcome: Outcome, extra: Partial<RunFacts> = {}): FetchRun => ({
      outcome,
      exchanges,
      authorizationCoveredByWildcard,
      facts: {
        url: url.href,
        redirectedFrom: hop > 0 ? urlList[0]!.href : undefined,
        method,
        requestOrigin,
        status: undefined,
        location: undefined,
        allowOriginLines: 0,
        invalidToken: undefined,
        ...extra,
      },
    });

    // Main fetch: a same-origin URL is fetched without CORS as long as no earlier hop left the
    // origin. A data: URL is read without a request.
    if (hop === 0 && url.protocol === 'data:') {
      return finish(allowedWithoutNetwork(url));
    }
    let preflightNeeded = false;
    if (isSameOriginWithUrl(request.origin, url) && tainting === 'basic') {
      // Basic fetch: no Origin for GET and HEAD, no CORS check.
    } else if (request.mode === 'same-origin') {
      const stage = hop === 0 ? 'request' : 'redirect';
      return finish(networkError('same-origin-mode', stage, hop, 'DisallowedByMode'));
    } else if (request.mode === 'no-cors') {
      if (request.redirect !== 'follow') return finish(networkError('no-cors-redirect-mode', 'request', hop));
      if (!isHttpScheme(url)) return finish(networkError('unsupported-scheme', 'request', hop));
      tainting = 'opaque';
    } else if (!isHttpScheme(url)) {
      return finish(networkError('unsupported-scheme', 'request', hop, 'CorsDisabledScheme'));
    } else {
      tainting = 'cors';
      preflightNeeded = needsPreflight(method, headers, conformance);
    }

    const cacheKey: CacheKey = { origin: requestOrigin, url: url.href, credentials: request.credentials === 'include' };
    if (preflightNeeded && !cacheCovers(cache, cacheKey, method, headers, now, conformance)) {
      const subject = { method, headers, credentials: request.credentials, serializedOrigin: requestOrigin };
      const built = preflightHeaders(subject, conformance);
      const preflight: OutgoingRequest = {
        role: 'preflight',
        hop,
        method: 'OPTIONS',
        url: url.href,
        origin: requestOrigin,
        accessControlRequestMethod: built.requestMethod,
        ...(built.requestHeaders !== undefined && { accessControlRequestHeaders: built.requestHeaders }),
        headers: built.headers,
        // A preflight never carries credentials.
        credentials: false,
      };
      const response = normalizeResponse(yield preflight);
      exchanges.push({ request: preflight, response });
      if (response === undefined) {
        cache?.clear(cacheKey);
        return finish(networkError('no-response', 'preflight', hop));
      }

      const result = checkPreflightResponse(response, subject, conformance);
      const responseFacts = {
        status: response.status,
        location: redirectLocation(response),
        allowOriginLines: countHeaderLines(response.headers, 'access-control-allow-origin'),
      };
      if (!result.ok) {
        cache?.clear(cacheKey);
        const fault = preflightFault(result.target, hop, result.expected, result.actual);
        return finish(corsBlocked('preflight', hop, result.corsError, result.detail, fault), {
          ...responseFacts,
          invalidToken: result.invalidToken,
        });
      }
      if (result.authorizationCoveredByWildcard) authorizationCoveredByWildcard = true;
      cache?.store(cacheKey, result.methods, result.headerNames, result.maxAge, now);
    } else if (preflightNeeded && coveredByCachedWildcardOnly(cache, cacheKey, headers, now, conformance)) {
      authorizationCoveredByWildcard = true;
    }

    // The actual request. It carries Origin when CORS applies, and for any method but GET and
    // HEAD; credentials go along for `include`, and for `same-origin` while the fetch is basic.
    const sendsOrigin = tainting === 'cors' || (method !== 'GET' && method !== 'HEAD');
    const actual: OutgoingRequest = {
      role: 'actual',
      hop,
      method,
      url: url.href,
      origin: sendsOrigin ? requestOrigin : null,
      headers: sendsOrigin ? [...headers, ['origin', requestOrigin]] : [...headers],
      credentials: request.credentials === 'include' || (request.credentials === 'same-origin' && tainting === 'basic'),
    };
    const response = normalizeResponse(yield actual);
    exchanges.push({ request: actual, response });
    if (response === undefined) return finish(networkError('no-response', 'response', hop));

    const location = redirectLocation(response);
    const responseFacts = {
      status: response.status,
      location,
      allowOriginLines: countHeaderLines(response.headers, 'access-control-allow-origin'),
    };
    let locationUrl: URL | undefined;
    if (location !== undefined) {
      const parsed = parseLocation(location, url);
      if (!parsed.ok) {
        const fault: EvaluatorFault = {
          exchange: 'actual',
          header: 'Location',
          hop,
          actual: location,
          expected: 'an http or https URL',
        };
        return finish({ ...networkError(parsed.reason, 'redirect', hop), fault }, responseFacts);
      }
      locationUrl = parsed.url;
    }

    // HTTP fetch runs the CORS check on every response, a redirect included.
    if (tainting === 'cors') {
      const check = corsCheck(response.headers, requestOrigin, request.credentials);
      if (!check.ok) {
        if (preflightNeeded) cache?.clear(cacheKey);
        const fault: EvaluatorFault = {
          exchange: 'actual',
          header: check.header,
          hop,
          expected: expectedCorsValue(check.corsError, requestOrigin, request.credentials),
        };
        const stage: Stage = locationUrl === undefined ? 'response' : 'redirect';
        const outcome = corsBlocked(
          stage,
          hop,
          check.corsError,
          corsCheckDetail(check),
          withActual(fault, check.value),
        );
        return finish(outcome, responseFacts);
      }
    }

    if (locationUrl === undefined) {
      if (tainting === 'opaque') return finish({ verdict: 'opaque', responseType: 'opaque', hop }, responseFacts);
      const exposure = exposeHeaders(response.headers, tainting, request.credentials);
      return finish(
        {
          verdict: 'allowed',
          responseType: tainting,
          hop,
          status: response.status,
          url: url.href,
          redirected: hop > 0,
          readableHeaders: exposure.readable,
          hiddenHeaders: exposure.hidden,
        },
        responseFacts,
      );
    }

    // HTTP-redirect fetch, in Chromium's order: manual mode, the redirect count, credentials in
    // the location, and only then redirect mode `error`, which Blink rejects last.
    if (request.redirect === 'manual') {
      return finish({ verdict: 'opaque', responseType: 'opaqueredirect', hop }, responseFacts);
    }
    if (redirectCount === maxRedirects)
      return finish(networkError('too-many-redirects', 'redirect', hop), responseFacts);
    redirectCount += 1;

    const crossOriginTarget = tainted || !isSameOriginWithUrl(request.origin, locationUrl);
    if (includesCredentials(locationUrl) && ((request.mode === 'cors' && crossOriginTarget) || tainting === 'cors')) {
      const withoutUserinfo = new URL(locationUrl.href);
      withoutUserinfo.username = '';
      withoutUserinfo.password = '';
      const fault: EvaluatorFault = {
        exchange: 'actual',
        header: 'Location',
        hop,
        actual: location,
        expected: withoutUserinfo.href,
      };
      // NOTE: Chromium 156 prints an empty location in this message, so the value is ''.
      return finish(corsBlocked('redirect', hop, 'RedirectContainsCredentials', { value: '' }, fault), responseFacts);
    }
    if (request.redirect === 'error')
      return finish(networkError('redirect-mode-error', 'redirect', hop), responseFacts);

    const next = redirectRequest({ method, headers, hasBody }, response.status, url, locationUrl);
    if (taintsOrigin(request.origin, url, locationUrl)) tainted = true;
    method = next.method;
    headers = next.headers;
    hasBody = next.hasBody;
    urlList.push(locationUrl);
  }
}

/** Returns whether cached entries let the request skip its preflight. */
function cacheCovers(
  cache: PreflightCache | undefined,
  key: CacheKey,
  method: string,
  headers: readonly HeaderPair[],
  now: number,
  conformance: Conformance,
): boolean {
  if (cache === undefined) return false;
  if (!isCorsSafelistedMethod(method) && !cache.hasMethodMatch(key, method, now)) return false;
  return unsafeNamesInCheckOrder(headers, conformance).every((name) =>
    cache.hasHeaderMatch(key, name, now, conformance),
  );
}

/** Returns whether Chromium skipped the preflight only because a cached `*` entry covered Authorization. */
function coveredByCachedWildcardOnly(
  cache: PreflightCache | undefined,
  key: CacheKey,
  headers: readonly HeaderPair[],
  now: number,
  conformance: Conformance,
): boolean {
  if (cache === undefined || conformance !== 'chromium-156') return false;
  if (!headers.some(([name]) => name === 'authorization')) return false;
  return !cache.hasHeaderMatch(key, 'authorization', now, 'standard');
}

function normalizeResponse(response: HopResponse | undefined): NormalizedResponse | undefined {
  if (response === undefined) return undefined;
  return { status: response.status, headers: normalizeHeaders(response.headers) };
}

function networkError(
  reason: NetworkErrorReason,
  stage: FailureStage,
  hop: number,
  rendererCorsError?: RendererCorsError,
): NetworkErrorOutcome {
  return {
    verdict: 'blocked',
    kind: 'network-error',
    stage,
    hop,
    reason,
    ...(rendererCorsError !== undefined && { rendererCorsError }),
  };
}

function corsBlocked(
  stage: Stage,
  hop: number,
  corsError: CorsBlockedOutcome['corsError'],
  detail: CorsBlockedOutcome['detail'],
  fault: EvaluatorFault,
): CorsBlockedOutcome {
  return { verdict: 'blocked', kind: 'cors', stage, hop, corsError, detail, fault };
}

function preflightFault(
  target: { readonly header: string } | { readonly status: true },
  hop: number,
  expected: string,
  actual: string | undefined,
): EvaluatorFault {
  const base = { exchange: 'preflight' as const, hop, expected, ...(actual !== undefined && { actual }) };
  return 'header' in target ? { ...base, header: target.header } : { ...base, status: true };
}

function withActual(fault: EvaluatorFault, actual: string | undefined): EvaluatorFault {
  return actual === undefined ? fault : { ...fault, actual };
}

/** Reads a data: URL locally, with the type written before the comma as its Content-Type. */
function allowedWithoutNetwork(url: URL): Outcome {
  const declared = url.pathname
    .split(',', 1)[0]!
    .replace(/;base64$/i, '')
    .trim();
  const contentType =
    declared === '' || declared.startsWith(';') ? `text/plain${declared || ';charset=US-ASCII'}` : declared;
  return {
    verdict: 'allowed',
    responseType: 'basic',
    hop: 0,
    status: 200,
    url: url.href,
    redirected: false,
    readableHeaders: [['content-type', contentType]],
    hiddenHeaders: [],
  };
}
