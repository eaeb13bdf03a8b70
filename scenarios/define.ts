import type {
  ExpectedExchange,
  JsResult,
  Middleware,
  Outcome,
  RequestSpec,
  RouteResponse,
  Scenario,
  Variant,
} from './types.ts';

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
  /** Default: allowed. */
  readonly outcome?: Outcome;
  /** Default: the actual request alone, reaching the target server and handled by the route. */
  readonly exchanges?: readonly ExpectedExchange[];
  /** Default: `TypeError: Failed to fetch` when blocked, and the route's response when allowed. */
  readonly js?: JsResult;
}

export interface ScenarioRow extends Omit<Scenario, 'request' | 'variants'> {
  /** Default: a GET to the `api` server at `/data`, with no headers and fetch's default credentials mode. */
  readonly request?: Partial<RequestSpec>;
  readonly broken: VariantRow;
  readonly fixed: VariantRow;
}

const defaultRequest: RequestSpec = {
  target: 'api',
  path: '/data',
  method: 'GET',
  headers: {},
  credentials: 'same-origin',
};

const defaultResponse: RouteResponse = { status: 200, body: { message: 'Hello from the API' }, headers: {} };

/** The rejection `fetch()` gives for every CORS block; the reason only reaches the console. */
export const failedToFetch: JsResult = { kind: 'type-error', message: 'Failed to fetch' };

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

function defineVariant(row: VariantRow, request: RequestSpec): Variant {
  const response: RouteResponse = { ...defaultResponse, ...row.response };
  const outcome: Outcome = row.outcome ?? { verdict: 'allowed' };
  const exchanges = row.exchanges ?? [{ server: request.target, method: request.method, status: response.status }];
  const js: JsResult =
    row.js ??
    (outcome.verdict === 'blocked'
      ? failedToFetch
      : { kind: 'response', status: response.status, body: response.body });
  return {
    server: {
      middleware: row.middleware ?? [],
      routeFirst: row.routeFirst ?? false,
      response,
      proxyAddsHeaders: row.proxyAddsHeaders ?? {},
    },
    expected: { outcome, exchanges, js },
  };
}
