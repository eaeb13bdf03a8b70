/**
 * Plain-language explanations for learners: what the browser did, why in CORS terms, and what
 * to change, in one or two sentences.
 */
import { assertNever } from '../chromium-messages.ts';
import type { CredentialsMode } from '../types.ts';
import type {
  AllowedOutcome,
  ConstructionErrorOutcome,
  CorsBlockedOutcome,
  DroppedHeader,
  NetworkErrorOutcome,
  Outcome,
} from './types.ts';

/** Facts about the failing or final exchange that the sentences quote. */
export interface ExplanationFacts {
  /** The actual request's method at the failing hop. */
  readonly method: string;
  readonly pageOrigin: string;
  /** The Origin the browser sent: the page origin, or `null` after a tainting redirect. */
  readonly requestOrigin: string;
  /** URL of the failing or final request. */
  readonly url: string;
  readonly status: number | undefined;
  readonly credentials: CredentialsMode;
  /** Location of the redirect response, for redirect failures. */
  readonly location: string | undefined;
  readonly droppedHeaders: readonly DroppedHeader[];
}

export function explain(outcome: Outcome, facts: ExplanationFacts): string {
  switch (outcome.verdict) {
    case 'allowed':
      return explainAllowed(outcome, facts);
    case 'opaque':
      if (outcome.responseType === 'opaqueredirect') {
        return (
          "With redirect: 'manual' the browser stopped at the redirect and gave the page an opaque-redirect " +
          'response (status 0, no headers). Use the default redirect mode to follow it.'
        );
      }
      return (
        `The no-cors request reached ${originOf(facts.url)}, but the page gets an opaque response: status 0, ` +
        'no headers and an empty body. Use cors mode and send CORS headers from the server to read the response.' +
        droppedSentence(facts.droppedHeaders)
      );
    case 'blocked':
      switch (outcome.kind) {
        case 'cors':
          return explainCorsBlock(outcome, facts);
        case 'network-error':
          return explainNetworkError(outcome, facts);
        case 'construction':
          return explainConstructionError(outcome);
        default:
          return assertNever(outcome);
      }
    default:
      return assertNever(outcome);
  }
}

function explainAllowed(outcome: AllowedOutcome, facts: ExplanationFacts): string {
  if (outcome.responseType === 'basic') {
    return `The request is same-origin, so no CORS check applies and the page reads the ${outcome.status} response.`;
  }
  const allowedOrigin = facts.requestOrigin === 'null' ? 'null or *' : `${facts.requestOrigin} or *`;
  const base = `The response allows ${allowedOrigin} in Access-Control-Allow-Origin, so the page reads the ${outcome.status} response.`;
  // The CORS headers are hidden too, but a page has no use for them, so the advice leaves them out.
  const hidden = outcome.hiddenHeaders.filter((name) => !name.startsWith('access-control-'));
  if (hidden.length === 0) return base;
  const them = hidden.length === 1 ? 'it' : 'them';
  return `${base} It cannot read ${hidden.join(', ')}: list ${them} in Access-Control-Expose-Headers to expose ${them}.`;
}

function explainCorsBlock(outcome: CorsBlockedOutcome, facts: ExplanationFacts): string {
  const { corsError, detail } = outcome;
  const host = originOf(facts.url);
  const onPreflight = outcome.stage === 'preflight';
  const where = onPreflight
    ? `The browser sent an OPTIONS preflight to ${host} before the ${facts.method}, and its response`
    : `The server at ${host} ran the ${facts.method}${facts.status === undefined ? '' : ` and answered ${facts.status}`}, but the response`;
  const notSent = onPreflight ? `, so the ${facts.method} was never sent` : ', so the browser hid it from the page';
  const target = onPreflight ? 'the OPTIONS response' : 'this response';
  const value = detail.value ?? '';
  const origin = facts.requestOrigin;
  const taintNote =
    origin === 'null' && facts.pageOrigin !== 'null'
      ? ' After the cross-origin redirect the browser sent Origin: null.'
      : '';

  switch (corsError) {
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      if (onPreflight && facts.status !== undefined && (facts.status < 200 || facts.status > 299)) {
        return `${where} was a ${facts.status} without Access-Control-Allow-Origin${notSent}. Answer OPTIONS with 204 and the CORS headers before any authentication or routing can reject it.`;
      }
      return `${where} has no Access-Control-Allow-Origin header${notSent}. Add Access-Control-Allow-Origin: ${suggestedOrigin(facts)} to ${target}.`;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return `${where} carries Access-Control-Allow-Origin '${value}', and the header must hold exactly one origin${notSent}. Let one layer (app, proxy or CDN) send it, once, with ${suggestedOrigin(facts)}.`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `${where} carries Access-Control-Allow-Origin '${value}', which is not an origin${notSent}. Send the exact origin ${suggestedOrigin(facts)}: scheme, host and port.`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return `${where} allows '${value}', which is not byte for byte the request origin '${origin}'${taintNote}${notSent}. Send ${suggestedOrigin(facts)}${origin === 'null' ? '' : ' exactly, with no path or trailing slash'}.`;
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return `${where} allows '*', which does not count for a request with credentials${notSent}. Echo ${origin} with Access-Control-Allow-Credentials: true, or send the request without credentials.`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return `${where} has Access-Control-Allow-Credentials '${value}', and a request with credentials needs exactly 'true'${notSent}. Add Access-Control-Allow-Credentials: true to ${target}.`;
    case 'PreflightInvalidStatus':
      return `${where} has status ${facts.status ?? 'unknown'}, and a preflight needs an ok status (200 to 299)${notSent}. Answer OPTIONS with 204 before any authentication or routing can reject it.`;
    case 'PreflightDisallowedRedirect':
      return `${where} is a ${facts.status ?? ''} redirect${facts.location === undefined ? '' : ` to ${facts.location}`}, and the browser never follows a redirect on a preflight${notSent}. Call the final URL from the page, or answer OPTIONS at this URL.`;
    case 'InvalidAllowMethodsPreflightResponse':
      return `${where} has an Access-Control-Allow-Methods value that is not a list of method tokens${notSent}. Send comma-separated tokens only, such as GET, PUT.`;
    case 'InvalidAllowHeadersPreflightResponse':
      return `${where} has an Access-Control-Allow-Headers value that is not a list of header names${notSent}. Send comma-separated names only, such as Content-Type, Authorization.`;
    case 'MethodDisallowedByPreflightResponse':
      return `${where} does not list ${detail.method ?? facts.method} in Access-Control-Allow-Methods${notSent}.${methodHint(detail.method ?? facts.method, facts.credentials)}`;
    case 'HeaderDisallowedByPreflightResponse':
      return `${where} does not list the request header ${detail.header ?? ''} in Access-Control-Allow-Headers${notSent}.${headerHint(detail.header ?? '', facts.credentials)}`;
    case 'RedirectContainsCredentials':
      return `The server at ${host} redirected to ${facts.location ?? 'a URL'} with a username or password in it, which the browser rejects for a cross-origin CORS request. Remove the credentials from the Location header.`;
    default:
      return assertNever(corsError);
  }
}

function explainNetworkError(outcome: NetworkErrorOutcome, facts: ExplanationFacts): string {
  switch (outcome.reason) {
    case 'too-many-redirects':
      return 'The browser followed 20 redirects and stopped at the 21st, which is a network error, not a CORS one. Fix the redirect loop on the server.';
    case 'unsafe-redirect':
      return `The server at ${originOf(facts.url)} redirected to ${facts.location ?? 'a URL'}, and fetch only follows redirects to http or https URLs. Redirect to an http(s) URL.`;
    case 'invalid-redirect':
      return `The server at ${originOf(facts.url)} sent a Location header that is not a valid URL (${facts.location ?? ''}), so the browser failed the request. Send an absolute or relative URL that parses.`;
    case 'redirect-mode-error':
      return `The server answered ${facts.status ?? ''} with a redirect and the request used redirect: 'error', so the browser failed it. Request the final URL, or use redirect: 'follow'.`;
    case 'same-origin-mode':
      return `The request used mode: 'same-origin', but ${facts.url} is on another origin than ${facts.pageOrigin}, so nothing was sent${outcome.stage === 'redirect' ? ' past the redirect' : ''}. Use mode: 'cors' and let the server send CORS headers.`;
    case 'no-cors-redirect-mode':
      return "A no-cors request must follow redirects, so the browser rejected it before sending anything. Leave redirect at 'follow', or use cors mode.";
    case 'unsupported-scheme':
      return `fetch() sends cross-origin requests only to http and https URLs, so ${facts.url} was never requested. Serve the resource over http(s).`;
    case 'no-response':
      return `No response was recorded for the ${outcome.stage === 'preflight' ? 'preflight' : facts.method} to ${facts.url}, so the browser reports a network error that JavaScript cannot tell from a CORS block. Check that the server is running and answers this URL.`;
    default:
      return assertNever(outcome.reason);
  }
}

function explainConstructionError(outcome: ConstructionErrorOutcome): string {
  const prefix = `fetch() threw before sending anything: ${outcome.message}`;
  switch (outcome.reason) {
    case 'invalid-url':
      return `${prefix} Pass an absolute URL.`;
    case 'url-with-credentials':
      return `${prefix} Send credentials in an Authorization header instead of the URL.`;
    case 'invalid-method':
      return `${prefix} A method must be an HTTP token, with no spaces.`;
    case 'forbidden-method':
      return `${prefix} CONNECT, TRACE and TRACK are forbidden methods.`;
    case 'no-cors-method':
      return `${prefix} no-cors mode allows only GET, HEAD and POST; use cors mode.`;
    case 'body-with-get-or-head':
      return `${prefix} Send the data in the query string, or use POST.`;
    default:
      return assertNever(outcome.reason);
  }
}

function methodHint(method: string, credentials: CredentialsMode): string {
  const upper = method.toUpperCase();
  if (method !== upper) {
    return ` Fetch uppercases only DELETE, GET, HEAD, OPTIONS, POST and PUT and methods compare case-sensitively, so write '${upper}' in the code.`;
  }
  const wildcard = credentials === 'include' ? " (with credentials, '*' is not a wildcard)" : '';
  return ` Add ${method} to Access-Control-Allow-Methods${wildcard}.`;
}

function headerHint(header: string, credentials: CredentialsMode): string {
  if (header === 'authorization') {
    return ' Authorization is never covered by *, so list it by name: Access-Control-Allow-Headers: Authorization.';
  }
  const wildcard = credentials === 'include' ? " (with credentials, '*' is not a wildcard)" : '';
  return ` Add ${header} to Access-Control-Allow-Headers${wildcard}.`;
}

/** Returns the value to advise: the exact origin, or `*` when the origin serializes as `null`. */
function suggestedOrigin(facts: ExplanationFacts): string {
  if (facts.requestOrigin !== 'null') return facts.requestOrigin;
  return facts.credentials === 'include'
    ? 'an exact origin, which needs a page on an http(s) origin and no cross-origin redirect chain'
    : '* (the request origin is null, and echoing null would admit any sandboxed or file page)';
}

function droppedSentence(dropped: readonly DroppedHeader[]): string {
  const noCors = dropped.filter((header) => header.reason === 'no-cors').map((header) => header.name);
  if (noCors.length === 0) return '';
  return ` The browser also dropped ${noCors.join(', ')}, which no-cors requests cannot carry.`;
}

function originOf(url: string): string {
  return new URL(url).origin;
}
