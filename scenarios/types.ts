import type { CorsError } from './chromium-messages.ts';
import type { CoverageTopic } from './coverage.ts';
import type { ServerName } from './origins.ts';

export type VariantName = 'broken' | 'fixed';
export const variantNames: readonly VariantName[] = ['broken', 'fixed'];

export type CategoryId =
  | 'allow-origin'
  | 'credentials'
  | 'preflight-triggers'
  | 'preflight'
  | 'redirects'
  | 'layers'
  | 'initiators'
  | 'silent'
  | 'look-alikes'
  | 'security';

export type CredentialsMode = 'omit' | 'same-origin' | 'include';

/**
 * Header names, values and messages in the catalog may contain `{app}`, `{api}`, `{proxy}` and
 * `{partner}`, which stand for those origins (see `fillOrigins`).
 */
type Template = string;

/**
 * The API that sends a scenario's request from the learner's page: `fetch()`, an XMLHttpRequest, an
 * `<img crossorigin="anonymous">`, a `<script type="module">`, `new EventSource(url)` or
 * `navigator.sendBeacon(url, blob)`. Each reports a CORS block to JavaScript in its own way.
 */
export type RequestInitiator =
  | 'fetch'
  | 'xhr'
  | 'image'
  | 'module-script'
  | 'event-source'
  | 'beacon'
  /** `new FontFace(family, 'url(…)').load()`: fonts are always fetched in CORS mode. */
  | 'font'
  /** `<link rel="stylesheet" crossorigin="anonymous">`, read back through `sheet.cssRules`. */
  | 'stylesheet'
  /** `<audio crossorigin="anonymous">`, which must decode the response to report success. */
  | 'audio'
  /**
   * `new WebSocket(url)`, which reads the first message. WebSockets are not subject to CORS: the browser
   * sends Origin with the handshake, and only the server decides whether to accept it.
   */
  | 'websocket';

/**
 * The `redirect` option of `fetch()`: follow a redirect, fail on one (`error`), or return it to the page
 * as an opaque response (`manual`).
 */
export type RedirectMode = 'follow' | 'error' | 'manual';

/** The `mode` option of `fetch()`. Default: `cors`. */
export type RequestMode = 'cors' | 'no-cors' | 'same-origin';

/**
 * How the page gets a cookie before it sends the request, as a signed-in user would have one.
 * The target server answers `/scenarios/<id>/<variant>/sign-in` with
 * `Set-Cookie: <name>=<value>; Path=/scenarios/<id>/<variant>/; <attributes>`.
 * - `fetch`: the page calls `fetch(signInUrl, { credentials: 'include' })` first.
 * - `window`: the page opens the sign-in URL in a new window, a top-level visit such as the user's own
 *   sign-in on that site. A cookie that a cross-site `fetch()` response sets is rejected where the
 *   browser blocks third-party cookies, as Chromium 156 does in a Playwright context.
 */
export interface SignIn {
  readonly via: 'fetch' | 'window';
  readonly cookie: { readonly name: string; readonly value: string; readonly attributes: string };
}

/** The request that the learner's page sends. */
export interface RequestSpec {
  readonly initiator: RequestInitiator;
  /** Server the request goes to. */
  readonly target: ServerName;
  /** Path below the variant's prefix `/scenarios/<id>/<variant>`. */
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly credentials: CredentialsMode;
  /** Only for `fetch()`. Default: `cors`. */
  readonly mode?: RequestMode;
  /** The `redirect` option of `fetch()`. Default: `follow`. */
  readonly redirect?: RedirectMode;
  /**
   * Leaves `http://` out of the URL, as a base URL configured as `localhost:8001` does. The URL parser
   * then reads `localhost` as the scheme. Default: false.
   */
  readonly omitScheme?: boolean;
  /** Set when the request depends on a cookie the page must get first. */
  readonly signIn?: SignIn;
  /** The page that sends the request. Default: the learner's app page itself. */
  readonly page?: RequestPage;
  /**
   * Set to send the request to the `offline` port, where no server listens, in place of the target's
   * port, as an app does whose API is down or whose configuration names the wrong port.
   */
  readonly offline?: boolean;
  /**
   * The origin the request goes to in place of the target's, such as `http://api.test:{api.port}`. The
   * target's server still answers it, under another host name, or over https at `{secure}`'s port.
   */
  readonly targetOrigin?: Template;
  /**
   * Permissions the user granted before the request, by allowing a browser prompt. Chromium keys them by the
   * tab's top-level origin, the app's. `local-network-access` lets a page on a public address reach a local
   * or loopback one.
   */
  readonly permissions?: readonly 'local-network-access'[];
}

/**
 * A page other than the app that sends a scenario's request. It is an iframe inside the app page, so
 * the attempt still shows there.
 * - `frame`: a page at `origin`, served by the playground server that listens on that origin's port
 *   with the variant's `pageHeaders`, such as an attacker's page or a page with a Content-Security-Policy.
 * - `sandboxed-frame`: an `<iframe sandbox="allow-scripts">`. Its origin is opaque, so the browser
 *   sends `Origin: null`.
 * - `file`: a page the learner downloads and opens from disk. A `file:` URL has an opaque origin, so the
 *   browser sends `Origin: null`. The app can neither open nor frame it, so it is not an iframe.
 */
export type RequestPage =
  | { readonly kind: 'app' }
  | { readonly kind: 'frame'; readonly origin: Template }
  | { readonly kind: 'sandboxed-frame' }
  | { readonly kind: 'file' };

/** Settings for Hono's `cors()` middleware, as plain data. */
export interface CorsSettings {
  readonly origin: Template | readonly Template[];
  readonly allowMethods?: readonly string[];
  readonly allowHeaders?: readonly string[];
  readonly exposeHeaders?: readonly string[];
  readonly credentials?: boolean;
  readonly maxAge?: number;
}

/**
 * One step of a variant's middleware chain, in the order the server registers them.
 * The chain is what a learner would write with Hono, and the client shows it as code.
 */
export type Middleware =
  /** Hono's own `cors()` middleware. */
  | { readonly kind: 'cors'; readonly settings: CorsSettings }
  /** Headers set by hand on every response, as `c.header()` would. */
  | { readonly kind: 'set-headers'; readonly headers: Readonly<Record<string, Template>> }
  /** Rejects with 401 any request without an `Authorization` header, OPTIONS included. */
  | { readonly kind: 'require-authorization' }
  /** Redirects every request whose path lacks a trailing slash to the same path with one. */
  | { readonly kind: 'redirect-to-trailing-slash'; readonly status: 301 | 302 | 307 | 308 }
  /** Responds to every OPTIONS request itself with 204 and these headers, as a hand-written preflight handler does. */
  | { readonly kind: 'answer-options'; readonly headers: Readonly<Record<string, Template>> }
  /**
   * Closes the connection without any response, as a process that crashes mid-request does. The server
   * has received the request; the browser gets no status line.
   */
  | { readonly kind: 'close-connection' }
  /**
   * Hono's `cors()` whose settings change with each preflight of an attempt, as an administrator's changes
   * between sends would. While a trace has had n preflights, its requests get `policies[n]`, the last
   * policy staying in force. The state is kept per trace id, so attempts never share it.
   */
  | { readonly kind: 'cors-changing-per-preflight'; readonly policies: readonly CorsSettings[] }
  /**
   * Hand-written CORS code that echoes the request's Origin in Access-Control-Allow-Origin when `allowed`
   * lists it. It adds `Vary: Origin` to every response only when `varyOrigin` is set, where Hono's `cors()`
   * always adds it.
   */
  | { readonly kind: 'echo-allowed-origin'; readonly allowed: readonly Template[]; readonly varyOrigin: boolean }
  /**
   * Redirects every request to the same path and query on another server, as an API does for a resource
   * that moved to a partner's service. The target runs the same chain, and there this step lets requests
   * through. `userinfo` (`user:password`) puts credentials into the Location URL.
   */
  | {
      readonly kind: 'redirect-to-server';
      readonly server: Exclude<ServerName, 'proxy'>;
      readonly status: 301 | 302 | 303 | 307 | 308;
      readonly userinfo?: string;
    }
  /**
   * Hono's `cors()` with an origin function that allows the exact origins in `exact` and every origin that
   * `pattern` matches, echoing the request's Origin, as hand-written allowlists do.
   */
  | {
      readonly kind: 'cors-origin-check';
      readonly exact: readonly Template[];
      readonly pattern?: OriginPattern;
      readonly settings: Omit<CorsSettings, 'origin'>;
    }
  /**
   * Hono's `csrf()` middleware: rejects with 403 a request other than GET, HEAD and OPTIONS whose body is a
   * form or text/plain (or has no Content-Type), unless its Origin is in `origin` or its Sec-Fetch-Site is
   * `same-origin`. Such a request is one that any page may send without a preflight.
   */
  | { readonly kind: 'csrf'; readonly origin: readonly Template[] }
  /**
   * Checks the Origin of a WebSocket handshake against `origin` and refuses any other with 403, as the `ws`
   * package's `verifyClient` option does. Without this step the WebSocket server accepts every origin.
   * Ordinary HTTP requests pass it untouched.
   */
  | { readonly kind: 'websocket-origin-check'; readonly origin: readonly Template[] };

/**
 * A test that a hand-written CORS allowlist applies to the request's Origin, as it is written in code:
 * - `any`: every origin, which reflects whatever Origin the request carries;
 * - `ends-with` / `starts-with`: `origin.endsWith(text)` / `origin.startsWith(text)`;
 * - `regex`: `new RegExp(source).test(origin)`, with the anchors and escapes the source has, or lacks.
 */
export type OriginPattern =
  | { readonly kind: 'any' }
  | { readonly kind: 'ends-with'; readonly text: Template }
  | { readonly kind: 'starts-with'; readonly text: Template }
  | { readonly kind: 'regex'; readonly source: Template };

export type MiddlewareKind = Middleware['kind'];

/** A text body that a route sends as it is, such as an SVG image, a JavaScript module or an event stream. */
export interface RawBody {
  readonly contentType: string;
  readonly text: string;
  /** `base64` when `text` holds binary data, such as a font or a sound, encoded in base64. */
  readonly encoding?: 'base64';
}

/** The route's own response, after the middleware chain lets the request through. */
export interface RouteResponse {
  readonly status: number;
  /** Sent as JSON unless `raw` is set. */
  readonly body: unknown;
  /** When set, the route sends this text in place of `body`. */
  readonly raw?: RawBody;
  /** Headers the route handler sets itself, so only its own responses carry them. */
  readonly headers: Readonly<Record<string, Template>>;
}

/** Server-side behaviour of one variant. */
export interface ServerBehaviour {
  readonly middleware: readonly Middleware[];
  /**
   * Whether the route is registered before the middleware. Hono runs handlers in registration
   * order, and a route that returns a response ends the chain, so later middleware never runs for it.
   */
  readonly routeFirst: boolean;
  readonly response: RouteResponse;
  /**
   * Headers the reverse proxy adds to every response it relays for this variant, as an
   * `add_header` line in a proxy configuration would. Used when the request targets `proxy`.
   */
  readonly proxyAddsHeaders: Readonly<Record<string, Template>>;
  /**
   * Whether the reverse proxy also acts as a shared HTTP cache for this variant, as a CDN does: it
   * stores responses that `Cache-Control` lets a shared cache store, keyed by URL and by the request
   * headers the response's `Vary` names (see `server/cache-store.ts`).
   */
  readonly proxyCaches?: boolean;
  /** Headers of the page that sends the request, when the request's page is a `frame`. */
  readonly pageHeaders: Readonly<Record<string, Template>>;
}

/**
 * The stage at which the browser blocked the request. `request`: before anything was sent, because the
 * page's own request options forbid it, as `mode: 'same-origin'` does for a URL on another origin.
 */
export type Stage = 'request' | 'preflight' | 'response' | 'redirect';

/** Exchange that contains the cause of a block: the OPTIONS preflight or the actual request. */
export type ExchangeRole = 'preflight' | 'actual';

/** The part of a response the learner should look at: a header, or the status code. */
export type Fault =
  | { readonly exchange: ExchangeRole; readonly header: string }
  | { readonly exchange: ExchangeRole; readonly status: true };

/** A request that a server records for one attempt, in the order the requests arrived. */
export interface ExpectedExchange {
  readonly server: ServerName;
  readonly method: string;
  readonly status: number;
  /**
   * The Origin header the browser sent, when it is not the page origin: `null` after a redirect from one
   * cross-origin server to another, which taints the request's origin. `absent` when the browser sends no
   * Origin at all, as for a GET or HEAD in no-cors mode.
   */
  readonly origin?: 'null' | 'absent';
}

/** Result that the page's JavaScript gets from the request's initiator. */
export type JsResult =
  /** `fetch()` rejects. */
  | { readonly kind: 'type-error'; readonly message: string }
  /** `fetch()` resolves, or an XMLHttpRequest loads, with this status and body. */
  | { readonly kind: 'response'; readonly status: number; readonly body: unknown }
  /** Another initiator reports failure, as the page shows it: `error event (status 0)` for XHR. */
  | { readonly kind: 'error-event'; readonly text: string }
  /** Another initiator reports success, as the page shows it, such as the pixel read from a canvas. */
  | { readonly kind: 'loaded'; readonly text: string }
  /** The return value of `navigator.sendBeacon()`: whether the browser queued the beacon, not whether CORS allowed it. */
  | { readonly kind: 'beacon'; readonly queued: boolean };

/** Values that fill the placeholders of a Chromium console message. */
export interface MessageDetail {
  /** The header value Chromium quotes, such as a mismatched `Access-Control-Allow-Origin`. */
  readonly value?: Template;
  /** The method that the preflight response did not allow. */
  readonly method?: string;
  /** The lowercase request header name that the preflight response did not allow. */
  readonly header?: string;
}

/** A block by the CORS check: Chromium prints "… has been blocked by CORS policy: …" and reports a `CorsIssue`. */
export interface CorsBlockedOutcome {
  readonly verdict: 'blocked';
  /** Rows leave it out: a blocked outcome without a cause is a CORS block. */
  readonly cause?: 'cors';
  readonly stage: Stage;
  /** The DevTools issue's `corsErrorStatus.corsError`, which also selects the console message. */
  readonly corsError: CorsError;
  readonly detail: MessageDetail;
  /** Absent when no response holds the cause, as for a block at the `request` stage. */
  readonly fault?: Fault;
  /**
   * Set when the browser blocked the request after following a `redirect-to-server` step to this server.
   * Chromium's message then names the URL on that server, same path and query, as "redirected from" the
   * URL the page requested.
   */
  readonly redirectedTo?: ServerName;
}

/**
 * Why a request failed when the CORS check is not the cause. JavaScript sees the same failure as for a
 * CORS block, so only the console, the DevTools issue and the servers' records tell them apart.
 * - `network`: no HTTP response came back, as when no server listens or the server closes the connection.
 * - `csp`: the page's Content-Security-Policy forbids connecting to the URL, so nothing is sent.
 * - `mixed-content`: a page loaded over https asked for an http URL, so nothing is sent.
 * - `corp`: the response's Cross-Origin-Resource-Policy forbids another origin to load it in no-cors mode.
 * - `coep`: the page's Cross-Origin-Embedder-Policy requires a Cross-Origin-Resource-Policy that the response lacks.
 * - `local-network-access`: a page on a public address asked for a local one without the user's
 *   permission. Chromium words it as a CORS error, but no CORS header can allow it.
 * - `redirect-mode`: the page called `fetch()` with `redirect: 'error'` and the server answered with a
 *   redirect, so the browser failed the request instead of following it.
 * - `websocket-handshake`: the server refused a WebSocket handshake with an HTTP status other than 101,
 *   such as a 403 after checking the Origin. No CORS check is involved.
 */
export type FailureCause =
  | 'network'
  | 'csp'
  | 'mixed-content'
  | 'corp'
  | 'coep'
  | 'local-network-access'
  | 'redirect-mode'
  | 'websocket-handshake';

/** The `issue.code` of a DevTools issue (CDP `Audits.issueAdded`). */
export type DevToolsIssueCode =
  'CorsIssue' | 'ContentSecurityPolicyIssue' | 'MixedContentIssue' | 'BlockedByResponseIssue';

/**
 * A DevTools issue, by its code and the field that says why: `corsErrorStatus.corsError` of a `CorsIssue`,
 * `contentSecurityPolicyViolationType` of a `ContentSecurityPolicyIssue`, `resolutionStatus` of a
 * `MixedContentIssue`, `reason` of a `BlockedByResponseIssue`.
 */
export interface DevToolsIssue {
  readonly code: DevToolsIssueCode;
  readonly reason: string;
}

/** A failure that looks like a CORS block in JavaScript, but has another cause. */
export interface NonCorsBlockedOutcome {
  readonly verdict: 'blocked';
  readonly cause: FailureCause;
  /**
   * The console errors Chromium prints for the request, in order. Besides the origins, `{url}` stands for
   * the URL requested, `{page}` for the URL of the document that sent it, and `{origin}` for its origin.
   */
  readonly consoleLines: readonly Template[];
  /** The DevTools issue Chromium reports, if any: a network error reports none. */
  readonly issue?: DevToolsIssue;
  /**
   * Further issues Chromium 156 files about the request besides `issue`, which names the cause, in no fixed
   * order: the Local Network Access permission issue that comes with an insecure page's refusal.
   */
  readonly otherIssues?: readonly DevToolsIssue[];
  /** The header or status that causes the failure, when a response that a server recorded holds it. */
  readonly fault?: Fault;
}

export type BlockedOutcome = CorsBlockedOutcome | NonCorsBlockedOutcome;

export type Outcome = { readonly verdict: 'allowed' } | BlockedOutcome;

export type Verdict = Outcome['verdict'];

/**
 * A rule where Chromium 156 knowingly differs from the Fetch Standard.
 * `authorization-covered-by-wildcard`: Chromium lets `Access-Control-Allow-Headers: *` cover
 * `Authorization`, where the standard requires it to be listed by name, and reports a DevTools
 * deprecation issue instead of blocking.
 */
export type ChromiumDeviation = 'authorization-covered-by-wildcard';

/**
 * A send of the same request, to the same URL and trace id, before the one that `Expectation` describes.
 * Some failures need several sends: one that fills a cache, then one that the cache answers.
 */
export interface EarlierSend {
  /** The page that sends it. Default: the variant's request page. */
  readonly page?: RequestPage;
  readonly outcome: Outcome;
  /** What the servers record for this send alone. */
  readonly exchanges: readonly ExpectedExchange[];
}

/** Expected behaviour of the browser and the servers for one variant. */
/**
 * One fact of a response that succeeded, which the page shows and the e2e suite checks. A silent
 * failure changes such a fact without any console message: a header reads null, a cookie is not sent.
 */
export type Symptom =
  /** What `response.headers.get(name)` returns in the page: null while CORS hides the header. */
  | { readonly kind: 'response-header'; readonly name: string; readonly value: string | null }
  /** A header of the actual request as the target server received it: null when the browser left it out. */
  | { readonly kind: 'request-header'; readonly name: string; readonly value: string | null }
  /** `response.type` in the page, such as `cors` or `opaque`. */
  | { readonly kind: 'response-type'; readonly value: ResponseType }
  /** What `await response.json()` gives: the parsed body as compact JSON, or the error as `Name: message`. */
  | { readonly kind: 'json'; readonly value: string };

export type SymptomKind = Symptom['kind'];

export interface Expectation {
  /** Chromium 156's outcome. */
  readonly outcome: Outcome;
  /**
   * Sends before this one, in order, to the same URL. Default: none. The page sends them first, and this
   * expectation describes the last send.
   */
  readonly earlierSends?: readonly EarlierSend[];
  /** Set when Chromium's outcome differs from the standard's on purpose, for this reason. */
  readonly deviation?: ChromiumDeviation;
  readonly exchanges: readonly ExpectedExchange[];
  readonly js: JsResult;
  /** Facts of the response to check beyond its verdict, for a failure that the browser does not report. */
  readonly symptoms?: readonly Symptom[];
  /**
   * DevTools issues that Chromium 156 files about a request it lets through, as the Local Network Access
   * issue that it still reports after the user allowed the prompt.
   */
  readonly issuesWhenAllowed?: readonly DevToolsIssue[];
  /**
   * Cookies that Chromium keeps off the actual request although the request includes credentials, with the
   * reasons DevTools lists for each in the Network panel. The page cannot see them.
   */
  readonly blockedCookies?: readonly BlockedCookie[];
}

/** A cookie kept off a request, with Chromium's `blockedReasons`, such as `SchemefulSameSiteLax`. */
export interface BlockedCookie {
  readonly name: string;
  readonly reasons: readonly string[];
}

export interface Variant {
  /**
   * The request the page sends in this variant: the scenario's request, with what the variant changes on
   * the page's side, such as the credentials mode. Most fixes change only the server.
   */
  readonly request: RequestSpec;
  readonly server: ServerBehaviour;
  readonly expected: Expectation;
}

/** One line of the fix as a header diff: a header, or `:status`, on one exchange. */
export interface HeaderDiffLine {
  readonly exchange: ExchangeRole;
  /** Header name as sent, or `:status` for the status code. */
  readonly header: string;
  /** Value in the broken variant; absent when the broken response lacks the header. */
  readonly broken?: Template;
  /** Value in the fixed variant; absent when the fix removes the header. */
  readonly fixed?: Template;
}

export interface Reference {
  readonly title: string;
  readonly url: string;
}

export interface Scenario {
  /** Stable identifier, used in URLs: lowercase words joined by hyphens. */
  readonly id: string;
  readonly title: string;
  readonly category: CategoryId;
  /** Goal of the learner's app, in one or two sentences. */
  readonly story: Template;
  readonly request: RequestSpec;
  readonly variants: Readonly<Record<VariantName, Variant>>;
  /** Why the browser decides as it does, in a short paragraph. */
  readonly explanation: Template;
  /** The one-line rule the scenario demonstrates. */
  readonly rule: string;
  readonly fix: {
    readonly summary: Template;
    readonly diff: readonly HeaderDiffLine[];
  };
  readonly references: readonly Reference[];
  /**
   * Topics of the coverage map that the scenario teaches beyond its corsError and initiator, which
   * the map derives by itself (see `coverage.ts`).
   */
  readonly covers?: readonly CoverageTopic[];
}
