import type {
  DevToolsIssue,
  BlockedCookie,
  ChromiumDeviation,
  EarlierSend,
  ExpectedExchange,
  HeaderDiffLine,
  JsResult,
  Middleware,
  Outcome,
  RequestInitiator,
  RequestSpec,
  RouteResponse,
  Scenario,
  Symptom,
  Variant,
} from './types.ts';
import { assertNever } from './chromium-messages.ts';
import { needsPreflight } from './fetch-rules.ts';
import { isCorsBlock } from './outcomes.ts';

/** A variant as a catalog row writes it: only what differs from the defaults. */
export interface VariantRow {
  /** Default: no middleware, so the server sends no CORS headers at all. */
  readonly middleware?: readonly Middleware[];
  /** Default: 200 with a small JSON body and no headers of its own. */
  readonly response?: Partial<RouteResponse>;
  /** Default: false, so the middleware runs before the route. */
  readonly routeFirst?: boolean;
  /** Default: the proxy adds nothing. */
  readonly proxyAddsHeaders?: Readonly<Record<string, string>>;
  /** Default: false, so the proxy caches nothing. */
  readonly proxyCaches?: boolean;
  /** Default: none. Sends before the one that `outcome` describes, to the same URL. */
  readonly earlierSends?: readonly EarlierSend[];
  /** Default: none. Only a request sent from a `frame` page has page headers of its own. */
  readonly pageHeaders?: Readonly<Record<string, string>>;
  /** Default: allowed. */
  readonly outcome?: Outcome;
  /** Default: none, so Chromium and the Fetch Standard agree. */
  readonly deviation?: ChromiumDeviation;
  /**
   * Default: what a browser sends to the target server. A request that needs a preflight sends
   * OPTIONS, which gets 204, and then the actual request unless the block is at the preflight.
   * A failure that is not CORS's expects the same, so a row where nothing reaches a server sets `[]`.
   */
  readonly exchanges?: readonly ExpectedExchange[];
  /**
   * Default: when blocked, what the initiator reports (see `blockedJs`). When allowed, the route's
   * response for `fetch()` and XHR, and `true` for a beacon. Rows for other initiators set it.
   */
  readonly js?: JsResult;
  /** Default: none. Facts of the response to show and check, for a failure the browser does not report. */
  readonly symptoms?: readonly Symptom[];
  /** Default: none. DevTools issues Chromium files although it allows the request. */
  readonly issuesWhenAllowed?: readonly DevToolsIssue[];
  /** Default: none. Cookies Chromium keeps off the request, with the reasons DevTools lists. */
  readonly blockedCookies?: readonly BlockedCookie[];
  /** Default: the scenario's request unchanged. What this variant's page sends differently. */
  readonly request?: Partial<RequestSpec>;
}

export interface ScenarioRow extends Omit<Scenario, 'request' | 'variants'> {
  /** Default: a `fetch()` GET to the `api` server at `/data`, with no headers and fetch's default credentials mode. */
  readonly request?: Partial<RequestSpec>;
  readonly broken: VariantRow;
  readonly fixed: VariantRow;
}

const defaultRequest: RequestSpec = {
  initiator: 'fetch',
  target: 'api',
  path: '/data',
  method: 'GET',
  headers: {},
  credentials: 'same-origin',
};

const defaultResponse: RouteResponse = { status: 200, body: { message: 'Hello from the API' }, headers: {} };

/** The rejection `fetch()` gives for every CORS block; the reason only reaches the console. */
export const failedToFetch: JsResult = { kind: 'type-error', message: 'Failed to fetch' };

/** The block of a response without Access-Control-Allow-Origin, which Chromium reports alike for every initiator. */
export const missingAllowOriginAtResponse: Outcome = {
  verdict: 'blocked',
  stage: 'response',
  corsError: 'MissingAllowOriginHeader',
  detail: {},
  fault: { exchange: 'actual', header: 'Access-Control-Allow-Origin' },
};

/** The headers that `cors()` with an allowlist of `{app}` adds to the actual response. */
export const allowAppOriginDiff: readonly HeaderDiffLine[] = [
  { exchange: 'actual', header: 'Access-Control-Allow-Origin', fixed: '{app}' },
  { exchange: 'actual', header: 'Vary', fixed: 'Origin' },
];

/** Fills in the defaults of a catalog row. */
export function defineScenario(row: ScenarioRow): Scenario {
  const { broken, fixed, request, ...rest } = row;
  const fullRequest: RequestSpec = { ...defaultRequest, ...request };
  return {
    ...rest,
    request: fullRequest,
    variants: { broken: defineVariant(broken, fullRequest), fixed: defineVariant(fixed, fullRequest) },
  };
}

/** The result JavaScript observes when CORS blocks a request, for each initiator, as Chromium 156 reports it. */
const blockedJs: Readonly<Record<RequestInitiator, JsResult>> = {
  fetch: failedToFetch,
  xhr: { kind: 'error-event', text: 'error event (status 0)' },
  image: { kind: 'error-event', text: 'error event' },
  'module-script': { kind: 'error-event', text: 'error event' },
  'event-source': { kind: 'error-event', text: 'error event (readyState 2)' },
  // sendBeacon() returns once the beacon is queued, before any CORS check.
  beacon: { kind: 'beacon', queued: true },
  font: { kind: 'error-event', text: 'load() rejected with NetworkError: A network error occurred.' },
  stylesheet: { kind: 'error-event', text: 'error event' },
  audio: { kind: 'error-event', text: 'error event (code 4: MEDIA_ELEMENT_ERROR: Format error)' },
  // A refused WebSocket handshake, the only way a WebSocket fails before it opens.
  websocket: { kind: 'error-event', text: 'error event, then close event (code 1006)' },
};

function defaultJs(request: RequestSpec, response: RouteResponse, outcome: Outcome): JsResult {
  if (outcome.verdict === 'blocked') return blockedJs[request.initiator];
  switch (request.initiator) {
    case 'fetch':
      // A no-cors response is opaque: the page sees status 0 and an empty body, whatever the server sent.
      if (request.mode === 'no-cors') return { kind: 'response', status: 0, body: '' };
      return { kind: 'response', status: response.status, body: response.body };
    case 'xhr':
      return { kind: 'response', status: response.status, body: response.body };
    case 'beacon':
      return blockedJs.beacon;
    case 'image':
    case 'module-script':
    case 'event-source':
    case 'font':
    case 'stylesheet':
    case 'audio':
    case 'websocket':
      throw new Error(
        `A variant with initiator '${request.initiator}' that is allowed must set js, because its result depends on the body.`,
      );
    default:
      return assertNever(request.initiator);
  }
}

function defaultExchanges(request: RequestSpec, response: RouteResponse, outcome: Outcome): ExpectedExchange[] {
  const preflight: ExpectedExchange = { server: request.target, method: 'OPTIONS', status: 204 };
  const actual: ExpectedExchange = { server: request.target, method: request.method, status: response.status };
  // A no-cors request is never preflighted: the browser drops every header that would need one.
  if (request.mode === 'no-cors' || !needsPreflight(request.method, request.headers)) return [actual];
  if (isCorsBlock(outcome) && outcome.stage === 'preflight') return [preflight];
  return [preflight, actual];
}

function defineVariant(row: VariantRow, scenarioRequest: RequestSpec): Variant {
  const request: RequestSpec = { ...scenarioRequest, ...row.request };
  const response: RouteResponse = { ...defaultResponse, ...row.response };
  const outcome: Outcome = row.outcome ?? { verdict: 'allowed' };
  const exchanges = row.exchanges ?? defaultExchanges(request, response, outcome);
  const js: JsResult = row.js ?? defaultJs(request, response, outcome);
  return {
    request,
    server: {
      middleware: row.middleware ?? [],
      routeFirst: row.routeFirst ?? false,
      response,
      proxyAddsHeaders: row.proxyAddsHeaders ?? {},
      ...(row.proxyCaches === true && { proxyCaches: true }),
      pageHeaders: row.pageHeaders ?? {},
    },
    expected: {
      outcome,
      exchanges,
      js,
      ...(row.deviation !== undefined && { deviation: row.deviation }),
      ...(row.earlierSends !== undefined && { earlierSends: row.earlierSends }),
      ...(row.symptoms !== undefined && { symptoms: row.symptoms }),
      ...(row.issuesWhenAllowed !== undefined && { issuesWhenAllowed: row.issuesWhenAllowed }),
      ...(row.blockedCookies !== undefined && { blockedCookies: row.blockedCookies }),
    },
  };
}
