/**
 * Input and output of the CORS evaluator: the request a page makes, the requests the browser
 * sends for it, the servers' responses hop by hop, and what the browser decides.
 */
import type { CorsError, Initiator } from '../chromium-messages.ts';
import type { HeaderList } from '../fetch-rules.ts';
import type { HeaderPair } from '../records.ts';
import type { CredentialsMode, ExchangeRole, Fault, MessageDetail, Stage } from '../types.ts';

export type RequestMode = 'cors' | 'no-cors' | 'same-origin';
export type RedirectMode = 'follow' | 'error' | 'manual';

/** The request as the page wrote it, for example as the arguments of `fetch()`. */
export interface CorsRequest {
  /** The page origin, serialized (`http://localhost:5173`), or `null` for an opaque origin. */
  readonly origin: string;
  /** Absolute URL the page requests. */
  readonly url: string;
  /** Method as the page wrote it; the evaluator normalizes it as Fetch does. */
  readonly method: string;
  /** Default: no headers. */
  readonly headers?: HeaderList;
  /** A string body. Fetch gives it `Content-Type: text/plain;charset=UTF-8` unless the page set one. */
  readonly body?: string;
  /** Default: `same-origin`, as for `fetch()`. */
  readonly credentials?: CredentialsMode;
  /** Default: `cors`. */
  readonly mode?: RequestMode;
  /** Default: `follow`. */
  readonly redirect?: RedirectMode;
  /** Default: `fetch`. */
  readonly initiator?: Initiator;
}

/** One request the browser sends: a CORS preflight or the actual request. */
export interface OutgoingRequest {
  readonly role: ExchangeRole;
  /** Position of the URL in the redirect chain: 0 for the URL the page requested. */
  readonly hop: number;
  readonly method: string;
  /** Absolute URL, serialized. */
  readonly url: string;
  /** Value of the `Origin` header, or null when the browser sends none. */
  readonly origin: string | null;
  /** Only on a preflight. */
  readonly accessControlRequestMethod?: string;
  /** Only on a preflight that names request headers: sorted lowercase names joined by commas. */
  readonly accessControlRequestHeaders?: string;
  /** Headers the page set and the browser keeps, then the CORS headers; names lowercased. */
  readonly headers: readonly HeaderPair[];
  /** Whether the browser includes credentials (cookies, HTTP authentication). */
  readonly credentials: boolean;
}

/** A server's response to one outgoing request. */
export interface HopResponse {
  readonly status: number;
  /** Response headers; a repeated header may appear once per line. */
  readonly headers: HeaderList;
}

/** Returns the server's response to a request, or undefined when the request got no response. */
export type Responder = (request: OutgoingRequest) => HopResponse | undefined;

export type AsyncResponder = (request: OutgoingRequest) => Promise<HopResponse | undefined> | HopResponse | undefined;

/** A response with lowercase header names and trimmed values. */
export interface NormalizedResponse {
  readonly status: number;
  readonly headers: readonly HeaderPair[];
}

/** One request the browser sent and the response it got, if any. */
export interface Exchange {
  readonly request: OutgoingRequest;
  readonly response: NormalizedResponse | undefined;
}

/** The header or status at fault, on which hop, with its value and what it should have been. */
export type EvaluatorFault = Fault & {
  readonly hop: number;
  /** The value the server sent; absent when the header was missing. */
  readonly actual?: string;
  /** The value it should have had, in words a learner can act on. */
  readonly expected: string;
};

/** The step at which the browser stopped, for failures that are not a CORS check. */
export type FailureStage = Stage | 'construction' | 'request';

/** Network errors that print no CORS message in Chromium's console. */
export type NetworkErrorReason =
  | 'too-many-redirects'
  | 'unsafe-redirect'
  | 'invalid-redirect'
  | 'redirect-mode-error'
  | 'same-origin-mode'
  | 'no-cors-redirect-mode'
  | 'unsupported-scheme'
  | 'no-response';

/** Errors that `fetch()` raises before it sends anything. */
export type ConstructionErrorReason =
  | 'invalid-url'
  | 'url-with-credentials'
  | 'invalid-method'
  | 'forbidden-method'
  | 'no-cors-method'
  | 'body-with-get-or-head';

/** DevTools `corsError` values that come with a network error rather than a CORS message. */
export type RendererCorsError = 'DisallowedByMode' | 'CorsDisabledScheme';

/**
 * The `corsError` kinds a check of a response reports. `DisallowedByMode` comes before any request, so
 * it is a network error's `rendererCorsError` instead.
 */
export type ResponseCorsError = Exclude<CorsError, RendererCorsError>;

export interface AllowedOutcome {
  readonly verdict: 'allowed';
  readonly responseType: 'basic' | 'cors';
  readonly hop: number;
  readonly status: number;
  /** The final URL. */
  readonly url: string;
  readonly redirected: boolean;
  /** Headers JavaScript can read, as `response.headers` lists them: sorted, repeated names combined. */
  readonly readableHeaders: readonly HeaderPair[];
  /** Lowercase names of the response headers JavaScript cannot read. */
  readonly hiddenHeaders: readonly string[];
}

export interface OpaqueOutcome {
  readonly verdict: 'opaque';
  readonly responseType: 'opaque' | 'opaqueredirect';
  readonly hop: number;
}

export interface CorsBlockedOutcome {
  readonly verdict: 'blocked';
  readonly kind: 'cors';
  readonly stage: Stage;
  readonly hop: number;
  /** The DevTools issue's `corsErrorStatus.corsError`. */
  readonly corsError: ResponseCorsError;
  readonly detail: MessageDetail;
  readonly fault: EvaluatorFault;
}

export interface NetworkErrorOutcome {
  readonly verdict: 'blocked';
  readonly kind: 'network-error';
  readonly stage: FailureStage;
  readonly hop: number;
  readonly reason: NetworkErrorReason;
  readonly rendererCorsError?: RendererCorsError;
  readonly fault?: EvaluatorFault;
}

export interface ConstructionErrorOutcome {
  readonly verdict: 'blocked';
  readonly kind: 'construction';
  readonly stage: 'construction';
  readonly reason: ConstructionErrorReason;
  /** The TypeError's message, as Chromium words it for `fetch()`. */
  readonly message: string;
}

export type BlockedOutcome = CorsBlockedOutcome | NetworkErrorOutcome | ConstructionErrorOutcome;

export type Outcome = AllowedOutcome | OpaqueOutcome | BlockedOutcome;

export type Verdict = Outcome['verdict'];

/** The result the page's JavaScript gets. */
export type JsView =
  /** `fetch()` rejects; for a CORS block the message is always `Failed to fetch`. */
  | { readonly kind: 'type-error'; readonly message: string }
  /** Initiators other than `fetch()` report failure in their own way, described here. */
  | { readonly kind: 'error-event'; readonly description: string }
  | {
      readonly kind: 'response';
      readonly type: 'basic' | 'cors';
      readonly status: number;
      readonly url: string;
      readonly redirected: boolean;
      readonly headers: readonly HeaderPair[];
    }
  | { readonly kind: 'opaque'; readonly type: 'opaque' | 'opaqueredirect'; readonly status: 0 };

/** Keys of Firefox's CORS reasons in `dom/locales/en-US/chrome/security/security.properties`. */
export type FirefoxReasonKey =
  | 'CORSDisabled'
  | 'CORSDidNotSucceed2'
  | 'CORSOriginHeaderNotAdded'
  | 'CORSExternalRedirectNotAllowed'
  | 'CORSRequestNotHttp'
  | 'CORSMissingAllowOrigin2'
  | 'CORSMultipleAllowOriginNotAllowed'
  | 'CORSAllowOriginNotMatchingOrigin'
  | 'CORSNotSupportingCredentials'
  | 'CORSMethodNotFound'
  | 'CORSMissingAllowCredentials'
  | 'CORSPreflightDidNotSucceed3'
  | 'CORSInvalidAllowMethod'
  | 'CORSInvalidAllowHeader'
  | 'CORSMissingAllowHeaderFromPreflight2';

/**
 * The reason Firefox would log, mapped from reading Gecko's source; Firefox was not run.
 * `text` is the whole console line with its placeholders filled.
 */
export interface FirefoxReason {
  readonly key: FirefoxReasonKey;
  readonly text: string;
  readonly source: 'gecko-source';
}

/** A rule on which Chromium 156 and the Fetch Standard reach different verdicts for the same exchanges. */
export interface Deviation {
  readonly rule: 'authorization-covered-by-wildcard';
  readonly note: string;
}

/** The Fetch Standard's result, given when it differs from Chromium's. */
export interface StandardResult {
  readonly outcome: Outcome;
  readonly exchanges: readonly Exchange[];
}

/** Headers `fetch()` dropped without an error before sending the request. */
export interface DroppedHeader {
  readonly name: string;
  readonly reason: 'forbidden' | 'no-cors';
}

export interface Evaluation {
  /** Chromium 156's verdict, the same as `outcome.verdict`. */
  readonly verdict: Verdict;
  /** Chromium 156's outcome. */
  readonly outcome: Outcome;
  /** Set only when the Fetch Standard decides differently from Chromium 156. */
  readonly standard?: StandardResult;
  readonly deviation?: Deviation;
  /** Requests the browser sent, in order, with the responses they got. */
  readonly exchanges: readonly Exchange[];
  readonly droppedHeaders: readonly DroppedHeader[];
  /** The console line that names the CORS error, when Chromium prints one. */
  readonly consoleMessage?: string;
  /** Every line Chromium 156 prints to the console for this request, in order. */
  readonly consoleLines: readonly string[];
  readonly js: JsView;
  /** Set for CORS failures that Gecko's source maps to a reason. */
  readonly firefox?: FirefoxReason;
  /** Plain-language account of what the browser did, why in CORS terms, and what to change, in one or two sentences. */
  readonly explanation: string;
}
