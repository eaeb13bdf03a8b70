/**
 * Chromium's console messages for blocked CORS requests, as Chromium 156 prints them.
 *
 * A block prints two console errors: this message, then `Failed to load resource: net::ERR_FAILED`.
 * The message names the request's final URL with its query, the page origin, and a reason
 * chosen by the DevTools `corsError` kind.
 */
import type { RequestInitiator } from './types.ts';

/** DevTools `CorsIssue` `corsErrorStatus.corsError` values whose console text this module builds. */
export type CorsError =
  | 'DisallowedByMode'
  | 'CorsDisabledScheme'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'WildcardOriginNotAllowed'
  | 'InvalidAllowCredentials'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightInvalidAllowCredentials'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials';

/** API that started the request. Chromium names it at the start of the message. */
export type Initiator = 'fetch' | 'xhr' | 'image' | 'script' | 'font' | 'stylesheet' | 'audio' | 'resource';

/**
 * The initiator Chromium names for each way the playground sends a request. EventSource and
 * `sendBeacon()` have no word of their own, so Chromium prints `resource` for both.
 */
export const chromiumInitiators: Readonly<Record<RequestInitiator, Initiator>> = {
  fetch: 'fetch',
  xhr: 'xhr',
  image: 'image',
  'module-script': 'script',
  'event-source': 'resource',
  beacon: 'resource',
  font: 'font',
  stylesheet: 'stylesheet',
  audio: 'audio',
  // Never named in a message: WebSockets are not subject to CORS, so Chromium reports no CORS error for them.
  websocket: 'resource',
};

const initiatorWords: Record<Initiator, string> = {
  fetch: 'fetch',
  xhr: 'XMLHttpRequest',
  image: 'image',
  script: 'script',
  font: 'font',
  stylesheet: 'CSS stylesheet',
  audio: 'audio',
  resource: 'resource',
};

const preflightPrefix = "Response to preflight request doesn't pass access control check: ";

/** Appended by `fetch()`, and no other initiator, to the three invalid-origin-value reasons. */
const fetchValueSuffix = ' Have the server send the header with a valid value.';

/** Appended for XHR to the two credential reasons. */
const xhrCredentialsSuffix =
  ' The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.';

export interface BlockedRequest {
  readonly initiator: Initiator;
  /** The request's final URL, serialized as the page requested it, query included. */
  readonly url: string;
  /** The first URL, when the request was redirected. */
  readonly redirectedFrom?: string;
  /** The page origin. Chromium prints it even when a redirect made the wire header `null`. */
  readonly origin: string;
  readonly corsError: CorsError;
  readonly value?: string;
  readonly method?: string;
  readonly header?: string;
}

/**
 * Returns the URLs Chromium's message names for a request to `url`: that URL, or, when the block came
 * after a redirect to the same path and query on another origin, the URL there, redirected from `url`.
 */
export function blockedUrls(url: string, redirectedTo?: string): Pick<BlockedRequest, 'url' | 'redirectedFrom'> {
  if (redirectedTo === undefined) return { url };
  const requested = new URL(url);
  return { url: new URL(requested.pathname + requested.search, redirectedTo).href, redirectedFrom: url };
}

/** Builds the console error that Chromium prints when it blocks the request. */
export function chromiumConsoleMessage(request: BlockedRequest): string {
  // The renderer rejects a request that its mode or its URL's scheme forbids before sending it, and words it
  // as a Fetch API error, in one line with no `Failed to load resource` after it.
  if (request.corsError === 'DisallowedByMode' || request.corsError === 'CorsDisabledScheme')
    return `Fetch API cannot load ${request.url}. ${chromiumReason(request)}`;
  const redirect = request.redirectedFrom === undefined ? '' : `(redirected from '${request.redirectedFrom}') `;
  return (
    `Access to ${initiatorWords[request.initiator]} at '${request.url}' ${redirect}from origin ` +
    `'${request.origin}' has been blocked by CORS policy: ${chromiumReason(request)}`
  );
}

/**
 * Builds the text after "has been blocked by CORS policy: ", or for `DisallowedByMode` the text after
 * "Fetch API cannot load <url>. ", which quotes the page origin.
 */
export function chromiumReason(
  request: Omit<BlockedRequest, 'url' | 'origin' | 'redirectedFrom'> & { readonly origin?: string },
): string {
  const { corsError, initiator } = request;
  const value = request.value ?? '';
  const valueSuffix = initiator === 'fetch' ? fetchValueSuffix : '';
  const credentialsSuffix = initiator === 'xhr' ? xhrCredentialsSuffix : '';

  switch (corsError) {
    case 'DisallowedByMode':
      return `Request mode is "same-origin" but the URL's origin is not same as the request origin ${request.origin ?? ''}.`;
    case 'CorsDisabledScheme':
      // `value` is the scheme the URL parser found, such as `localhost` in `localhost:8001/data`.
      return `URL scheme "${value}" is not supported.`;
    case 'MissingAllowOriginHeader':
      return missingAllowOrigin;
    case 'MultipleAllowOriginValues':
      return multipleValues(value) + valueSuffix;
    case 'InvalidAllowOriginValue':
      return invalidValue(value) + valueSuffix;
    case 'AllowOriginMismatch':
      return mismatch(value) + valueSuffix;
    case 'WildcardOriginNotAllowed':
      return wildcard + credentialsSuffix;
    case 'InvalidAllowCredentials':
      return allowCredentials(value) + credentialsSuffix;
    case 'PreflightMissingAllowOriginHeader':
      return preflightPrefix + missingAllowOrigin;
    case 'PreflightMultipleAllowOriginValues':
      return preflightPrefix + multipleValues(value) + valueSuffix;
    case 'PreflightInvalidAllowOriginValue':
      return preflightPrefix + invalidValue(value) + valueSuffix;
    case 'PreflightAllowOriginMismatch':
      return preflightPrefix + mismatch(value) + valueSuffix;
    case 'PreflightWildcardOriginNotAllowed':
      return preflightPrefix + wildcard + credentialsSuffix;
    case 'PreflightInvalidAllowCredentials':
      return preflightPrefix + allowCredentials(value) + credentialsSuffix;
    case 'PreflightInvalidStatus':
      return `${preflightPrefix}It does not have HTTP ok status.`;
    case 'PreflightDisallowedRedirect':
      return `${preflightPrefix}Redirect is not allowed for a preflight request.`;
    // The method, header and parse errors come from the preflight but carry no preflight prefix.
    case 'InvalidAllowMethodsPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.';
    case 'InvalidAllowHeadersPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.';
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${request.method ?? ''} is not allowed by Access-Control-Allow-Methods in preflight response.`;
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header field ${request.header ?? ''} is not allowed by Access-Control-Allow-Headers in preflight response.`;
    case 'RedirectContainsCredentials':
      // NOTE: Chromium 156 prints an empty location here, '' rather than the redirect URL.
      return `Redirect location '${value}' contains a username and password, which is disallowed for cross-origin requests.`;
    default:
      return assertNever(corsError);
  }
}

const missingAllowOrigin = "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
const wildcard =
  "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' " +
  "when the request's credentials mode is 'include'.";

function multipleValues(value: string): string {
  return `The 'Access-Control-Allow-Origin' header contains multiple values '${value}', but only one is allowed.`;
}

function invalidValue(value: string): string {
  return `The 'Access-Control-Allow-Origin' header contains the invalid value '${value}'.`;
}

function mismatch(value: string): string {
  return `The 'Access-Control-Allow-Origin' header has a value '${value}' that is not equal to the supplied origin.`;
}

function allowCredentials(value: string): string {
  return (
    `The value of the 'Access-Control-Allow-Credentials' header in the response is '${value}' ` +
    "which must be 'true' when the request's credentials mode is 'include'."
  );
}

/**
 * DevTools `corsError` values of Local Network Access. Chromium words them as CORS errors, but no response
 * header decides them: the page's address space, its secure context and the user's permission do. They stay
 * out of `CorsError`, whose reasons a server's CORS headers cause.
 */
export type LocalNetworkAccessError = 'LocalNetworkAccessPermissionDenied' | 'InsecureLocalNetwork';

/** The address spaces Chromium 156 names in Local Network Access messages. */
export type AddressSpace = 'loopback' | 'local' | 'public';

/**
 * Builds the text after "has been blocked by CORS policy: " for a Local Network Access block, as Chromium
 * 156 prints it. The backticks around the address space are Chromium's own.
 */
export function localNetworkAccessReason(error: LocalNetworkAccessError, addressSpace: AddressSpace): string {
  switch (error) {
    case 'LocalNetworkAccessPermissionDenied':
      return `Permission was denied for this request to access the \`${addressSpace}\` address space.`;
    case 'InsecureLocalNetwork':
      return (
        'The request client is not a secure context and the resource is in more-private address space ' +
        `\`${addressSpace}\`.`
      );
    default:
      return assertNever(error);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
