/**
 * Console lines: what Chromium 156 prints for each outcome, and the reason Firefox would give.
 * Firefox's texts come from `dom/locales/en-US/chrome/security/security.properties` and the
 * mapping from Gecko's `nsCORSListenerProxy.cpp`; Firefox was not run.
 */
import { assertNever, chromiumConsoleMessage } from '../chromium-messages.ts';
import type { FirefoxReason, FirefoxReasonKey, NetworkErrorOutcome, Outcome } from './types.ts';

/** Firefox's reason templates: `%1$S` is the URL, `%2$S` the value the reason names. */
const firefoxTemplates: Readonly<Record<FirefoxReasonKey, string>> = {
  CORSDisabled: '%1$S. (Reason: CORS disabled).',
  CORSDidNotSucceed2: '%1$S. (Reason: CORS request did not succeed). Status code: %2$S.',
  CORSOriginHeaderNotAdded: '%1$S. (Reason: CORS header ‘Origin’ cannot be added).',
  CORSExternalRedirectNotAllowed: '%1$S. (Reason: CORS request external redirect not allowed).',
  CORSRequestNotHttp: '%1$S. (Reason: CORS request not http).',
  CORSMissingAllowOrigin2: '%1$S. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: %2$S.',
  CORSMultipleAllowOriginNotAllowed: '%1$S. (Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).',
  CORSAllowOriginNotMatchingOrigin: '%1$S. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘%2$S’).',
  // The only key that quotes the URL.
  CORSNotSupportingCredentials:
    '‘%1$S’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).',
  CORSMethodNotFound: '%1$S. (Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).',
  CORSMissingAllowCredentials: '%1$S. (Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).',
  CORSPreflightDidNotSucceed3: '%1$S. (Reason: CORS preflight response did not succeed). Status code: %2$S.',
  CORSInvalidAllowMethod: '%1$S. (Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Methods’).',
  CORSInvalidAllowHeader: '%1$S. (Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Headers’).',
  CORSMissingAllowHeaderFromPreflight2:
    '%1$S. (Reason: header ‘%2$S’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).',
};

const firefoxPrefix = 'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ';

export function firefoxText(key: FirefoxReasonKey, url: string, parameter = ''): string {
  return firefoxPrefix + firefoxTemplates[key].replace('%1$S', url).replace('%2$S', parameter);
}

/** Facts about the failing exchange that Firefox's reasons quote. */
export interface FirefoxContext {
  /** URL of the request whose response failed. */
  readonly url: string;
  /** Status of that response, when there was one. */
  readonly status: number | undefined;
  /** Number of Access-Control-Allow-Origin header lines in that response. */
  readonly allowOriginLines: number;
  /** The list element that is not a token, for a list that does not parse. */
  readonly invalidToken: string | undefined;
}

/**
 * Maps an outcome to the reason Gecko logs for it, or undefined where Gecko logs no CORS reason
 * (a redirect to a URL with credentials) or where the outcome is not a CORS failure.
 * Firefox reports several values in one Access-Control-Allow-Origin line as a mismatch, and
 * only several header lines as "multiple".
 */
export function firefoxReason(outcome: Outcome, context: FirefoxContext): FirefoxReason | undefined {
  const reason = (key: FirefoxReasonKey, parameter?: string): FirefoxReason => ({
    key,
    text: firefoxText(key, context.url, parameter),
    source: 'gecko-source',
  });
  const status = context.status === undefined ? '(null)' : String(context.status);

  if (outcome.verdict !== 'blocked') return undefined;
  if (outcome.kind === 'construction') return undefined;
  if (outcome.kind === 'network-error') {
    if (outcome.reason === 'no-response') return reason('CORSDidNotSucceed2', status);
    if (outcome.reason === 'unsupported-scheme') return reason('CORSRequestNotHttp');
    return undefined;
  }

  const value = outcome.detail.value ?? '';
  switch (outcome.corsError) {
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return reason('CORSMissingAllowOrigin2', status);
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return context.allowOriginLines > 1
        ? reason('CORSMultipleAllowOriginNotAllowed')
        : reason('CORSAllowOriginNotMatchingOrigin', value);
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return reason('CORSAllowOriginNotMatchingOrigin', value);
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return reason('CORSNotSupportingCredentials');
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return reason('CORSMissingAllowCredentials');
    case 'PreflightInvalidStatus':
      return reason('CORSPreflightDidNotSucceed3', status);
    case 'PreflightDisallowedRedirect':
      return reason('CORSExternalRedirectNotAllowed');
    case 'InvalidAllowMethodsPreflightResponse':
      return reason('CORSInvalidAllowMethod', context.invalidToken);
    case 'InvalidAllowHeadersPreflightResponse':
      return reason('CORSInvalidAllowHeader', context.invalidToken);
    case 'MethodDisallowedByPreflightResponse':
      return reason('CORSMethodNotFound');
    case 'HeaderDisallowedByPreflightResponse':
      return reason('CORSMissingAllowHeaderFromPreflight2', outcome.detail.header);
    case 'RedirectContainsCredentials':
      return undefined;
    default:
      return assertNever(outcome.corsError);
  }
}

/** Chromium's second line for every CORS block, and its only line for several network errors. */
function failedToLoadLine(netError: string): string {
  return `Failed to load resource: net::${netError}`;
}

/** Facts about the request that Chromium's console lines quote. */
export interface ConsoleContext {
  readonly initiator: Parameters<typeof chromiumConsoleMessage>[0]['initiator'];
  /** The page origin, which Chromium prints even after a redirect made the wire header `null`. */
  readonly pageOrigin: string;
  /** URL of the request whose response failed, serialized. */
  readonly url: string;
  /** The first URL, when the failing request followed a redirect. */
  readonly redirectedFrom: string | undefined;
  /** Status of the final response, for outcomes that reached the page. */
  readonly status: number | undefined;
}

/** Builds the CORS error line, for outcomes that print one. */
export function corsConsoleMessage(outcome: Outcome, context: ConsoleContext): string | undefined {
  if (outcome.verdict !== 'blocked' || outcome.kind !== 'cors') return undefined;
  return chromiumConsoleMessage({
    initiator: context.initiator,
    url: context.url,
    ...(context.redirectedFrom !== undefined && { redirectedFrom: context.redirectedFrom }),
    origin: context.pageOrigin,
    corsError: outcome.corsError,
    ...outcome.detail,
  });
}

/** Lists every line Chromium 156 prints for the outcome, in order. */
export function chromiumConsoleLines(outcome: Outcome, context: ConsoleContext): string[] {
  switch (outcome.verdict) {
    case 'allowed':
      return outcome.status >= 400 ? [httpErrorLine(outcome.status)] : [];
    case 'opaque':
      return [];
    case 'blocked':
      switch (outcome.kind) {
        case 'cors':
          return [corsConsoleMessage(outcome, context) ?? '', failedToLoadLine('ERR_FAILED')];
        case 'network-error':
          return networkErrorLines(outcome, context);
        case 'construction':
          // The TypeError reaches the page's code; the console shows it only if nothing catches it.
          return [];
        default:
          return assertNever(outcome);
      }
    default:
      return assertNever(outcome);
  }
}

function networkErrorLines(outcome: NetworkErrorOutcome, context: ConsoleContext): string[] {
  switch (outcome.reason) {
    case 'too-many-redirects':
      return [failedToLoadLine('ERR_TOO_MANY_REDIRECTS')];
    case 'unsafe-redirect':
      return [failedToLoadLine('ERR_UNSAFE_REDIRECT')];
    case 'invalid-redirect':
      // NOTE: from net's error list, not observed in Chromium 156.
      return [failedToLoadLine('ERR_INVALID_REDIRECT')];
    case 'redirect-mode-error':
      return [failedToLoadLine('ERR_FAILED')];
    case 'same-origin-mode':
      // NOTE: after a redirect the network service reports DisallowedByMode; its console line was
      // not observed, so only the generic line is given.
      if (outcome.stage === 'redirect') return [failedToLoadLine('ERR_FAILED')];
      return [
        chromiumConsoleMessage({
          initiator: context.initiator,
          url: context.url,
          origin: context.pageOrigin,
          corsError: 'DisallowedByMode',
        }),
      ];
    case 'no-cors-redirect-mode':
      // NOTE: from Blink's source (fetch_manager.cc), not observed.
      return [`Fetch API cannot load ${context.url}. Request mode is "no-cors" but the redirect mode is not "follow".`];
    case 'unsupported-scheme':
      return [
        `Fetch API cannot load ${context.url}. URL scheme "${new URL(context.url).protocol.slice(0, -1)}" is not supported.`,
      ];
    case 'no-response':
      // The net:: error depends on how the connection failed (refused, reset, empty reply), which
      // a missing response does not tell.
      return [];
    default:
      return assertNever(outcome.reason);
  }
}

/** Reason phrases Node's HTTP server sends, which Chromium quotes. */
const reasonPhrases: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Builds the line Chromium prints for a readable response with an error status. The phrase is the
 * one Node's HTTP server sends; for other statuses it is left out, though Chromium quotes any.
 */
export function httpErrorLine(status: number): string {
  const phrase = reasonPhrases[status];
  const suffix = phrase === undefined ? '' : ` (${phrase})`;
  return `Failed to load resource: the server responded with a status of ${status}${suffix}`;
}
