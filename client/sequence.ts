/**
 * The sequence of one attempt: every request between the browser and the servers, in order, with what
 * the browser did with each. It joins the servers' records, which show what crossed the wire, with the
 * evaluator's reading of them, which names the check that stopped the browser and what it never sent.
 */
import { assertNever, type ExchangeRole, type OriginMap, type ServerName } from '../scenarios/index.ts';
import type { BlockedOutcome, Evaluation, Exchange } from '../scenarios/evaluator/index.ts';
import { traceParameter, type RecordedExchange } from '../scenarios/records.ts';
import { exchangeRole } from './exchanges.ts';

/** The browser's handling of a request: let it through, stop at its response, or never send it. */
export type StepResult = 'passed' | 'blocked' | 'not-sent';

/** A participant of the diagram: the browser, a playground server, or another origin a redirect names. */
export interface Lane {
  readonly id: 'browser' | ServerName | `origin:${string}`;
  readonly label: string;
  readonly origin: string;
}

export interface SequenceStep {
  readonly from: Lane['id'];
  readonly to: Lane['id'];
  readonly role: ExchangeRole;
  /** `server` for a request that a server sent on, such as a proxy's request to the API. */
  readonly sender: 'browser' | 'server';
  readonly method: string;
  /** Path and query, without the trace parameter. */
  readonly path: string;
  /** Absent for a request that got no response or was never sent. */
  readonly status?: number;
  readonly result: StepResult;
  /** For a blocked step, the check that failed; for a step not sent, why; for the others, anything worth saying. */
  readonly note?: string;
  /** The servers' record of this request, when one exists. */
  readonly record?: RecordedExchange;
}

export interface Sequence {
  readonly lanes: readonly Lane[];
  readonly steps: readonly SequenceStep[];
}

export interface SequenceInput {
  readonly evaluation: Evaluation;
  readonly records: readonly RecordedExchange[];
  readonly origins: OriginMap;
  /** The page origin, where the browser lane sits. */
  readonly pageOrigin: string;
  /** The request as the page wrote it, for the step that a failure before sending left out. */
  readonly request: { readonly method: string; readonly url: string };
}

/** Builds the sequence of steps and the lanes they connect, browser first. */
export function buildSequence({ evaluation, records, origins, pageOrigin, request }: SequenceInput): Sequence {
  const matches = matchRecords(evaluation.exchanges, records, origins);
  const blocked = evaluation.outcome.verdict === 'blocked' ? evaluation.outcome : undefined;

  const browserSteps: SequenceStep[] = evaluation.exchanges.map((exchange, index) => {
    const record = matches[index];
    const last = index === evaluation.exchanges.length - 1;
    const result: StepResult = blocked !== undefined && last ? 'blocked' : 'passed';
    return {
      from: 'browser',
      to: record?.server ?? laneIdOf(exchange.request.url, origins),
      role: exchange.request.role,
      sender: 'browser',
      method: exchange.request.method,
      path: displayPath(exchange.request.url),
      ...(exchange.response !== undefined && { status: exchange.response.status }),
      result,
      ...(result === 'blocked' && blocked !== undefined && { note: blockedCheck(blocked) }),
      ...(record !== undefined && { record }),
    };
  });

  const steps = insertUnmatchedRecords(browserSteps, records, new Set(matches));
  const notSent = blocked === undefined ? undefined : notSentStep(blocked, evaluation.exchanges, request, origins);
  if (notSent !== undefined) steps.push(notSent);

  return { lanes: lanesOf(steps, origins, pageOrigin), steps };
}

/**
 * Pairs each request the evaluator sent with the first unused record of the same method and URL, as
 * the evaluator's recorded responder does. A request the servers did not record gets undefined.
 */
export function matchRecords(
  exchanges: readonly Exchange[],
  records: readonly RecordedExchange[],
  origins: OriginMap,
): (RecordedExchange | undefined)[] {
  const used = new Set<RecordedExchange>();
  return exchanges.map(({ request }) => {
    const record = records.find(
      (candidate) =>
        !used.has(candidate) &&
        candidate.method === request.method &&
        `${origins[candidate.server]}${candidate.url}` === request.url,
    );
    if (record !== undefined) used.add(record);
    return record;
  });
}

/** Request headers that a proxy adds to what it forwards, and a browser never sends. */
const proxyHeaders: readonly string[] = [
  'forwarded',
  'via',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
];

/**
 * Adds the records that no browser request matched, each after the step that was in flight when it
 * arrived. A record with a header that proxies add is a server's own request, such as the proxy's to
 * the API. Any other is a request the browser sent but the evaluator did not expect.
 */
function insertUnmatchedRecords(
  browserSteps: readonly SequenceStep[],
  records: readonly RecordedExchange[],
  matched: ReadonlySet<RecordedExchange | undefined>,
): SequenceStep[] {
  const steps = [...browserSteps];
  for (const record of records) {
    if (matched.has(record)) continue;
    const index = steps.findLastIndex((step) => step.record !== undefined && step.record.sequence < record.sequence);
    const previous = index === -1 ? undefined : steps[index];
    const forwarded = previous !== undefined && record.requestHeaders.some(([name]) => proxyHeaders.includes(name));
    const step: SequenceStep = {
      from: forwarded ? previous.to : 'browser',
      to: record.server,
      role: exchangeRole(record),
      sender: forwarded ? 'server' : 'browser',
      method: record.method,
      path: displayPath(record.url),
      status: record.status,
      result: 'passed',
      note: forwarded
        ? `sent on by the ${previous.to} server; the browser never sees this exchange`
        : 'recorded by the server, but the evaluator did not expect the browser to send it',
      record,
    };
    steps.splice(index + 1, 0, step);
  }
  return steps;
}

/** Builds the step for the request the block kept back: the actual request, or the redirect's target. */
function notSentStep(
  outcome: BlockedOutcome,
  exchanges: readonly Exchange[],
  request: SequenceInput['request'],
  origins: OriginMap,
): SequenceStep | undefined {
  const last = exchanges.at(-1);
  const base = { from: 'browser', sender: 'browser', result: 'not-sent' } as const;

  if (outcome.kind === 'construction') {
    return {
      ...base,
      to: laneIdOf(request.url, origins),
      role: 'actual',
      method: request.method.toUpperCase(),
      path: displayPath(request.url),
      note: `fetch() rejected before sending anything (${outcome.message})`,
    };
  }
  if (last === undefined) {
    // A request whose mode forbids its URL never leaves the browser either.
    if (outcome.kind !== 'network-error' || outcome.stage !== 'request') return undefined;
    return {
      ...base,
      to: laneIdOf(request.url, origins),
      role: 'actual',
      method: request.method.toUpperCase(),
      path: displayPath(request.url),
      note: `the browser rejected the request before sending it (${networkErrorText(outcome.reason)})`,
    };
  }

  if (outcome.stage === 'preflight') {
    return {
      ...base,
      to: laneIdOf(last.request.url, origins),
      role: 'actual',
      method: last.request.accessControlRequestMethod ?? request.method.toUpperCase(),
      path: displayPath(last.request.url),
      note: 'the preflight failed, so the browser never sent the actual request',
    };
  }

  const location = last.response?.headers.find(([name]) => name === 'location')?.[1];
  const target = location === undefined ? undefined : URL.parse(location, last.request.url);
  if (outcome.stage === 'redirect' && target !== null && target !== undefined) {
    return {
      ...base,
      to: laneIdOf(target.href, origins),
      role: 'actual',
      method: redirectMethod(last.request.method, last.response?.status ?? 0),
      path: displayPath(target.href),
      note: 'the browser did not follow the redirect',
    };
  }
  return undefined;
}

/** Returns the method of the request that follows a redirect, per the Fetch Standard's HTTP-redirect fetch. */
function redirectMethod(method: string, status: number): string {
  if (((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'HEAD')) {
    return 'GET';
  }
  return method;
}

/** Describes the check that stopped the browser, for the blocked step. */
export function blockedCheck(outcome: BlockedOutcome): string {
  switch (outcome.kind) {
    case 'cors':
      return corsCheckText(outcome.corsError, outcome.detail);
    case 'network-error':
      return networkErrorText(outcome.reason);
    case 'construction':
      return `fetch() rejected before sending: ${outcome.message}`;
    default:
      return assertNever(outcome);
  }
}

function corsCheckText(
  corsError: Extract<BlockedOutcome, { kind: 'cors' }>['corsError'],
  detail: Extract<BlockedOutcome, { kind: 'cors' }>['detail'],
): string {
  switch (corsError) {
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return 'CORS check failed: Access-Control-Allow-Origin is missing';
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return 'CORS check failed: Access-Control-Allow-Origin has more than one value';
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return 'CORS check failed: Access-Control-Allow-Origin is not a valid origin';
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return 'CORS check failed: Access-Control-Allow-Origin does not match the page origin';
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return 'CORS check failed: Access-Control-Allow-Origin * is not allowed with credentials';
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return 'CORS check failed: Access-Control-Allow-Credentials is not true';
    case 'PreflightInvalidStatus':
      return 'preflight status check failed: the status is not 2xx';
    case 'PreflightDisallowedRedirect':
      return 'preflight status check failed: a preflight must not be redirected';
    case 'InvalidAllowMethodsPreflightResponse':
      return 'method check failed: Access-Control-Allow-Methods cannot be parsed';
    case 'InvalidAllowHeadersPreflightResponse':
      return 'header check failed: Access-Control-Allow-Headers cannot be parsed';
    case 'MethodDisallowedByPreflightResponse':
      return `method check failed: ${detail.method ?? 'the method'} is not in Access-Control-Allow-Methods`;
    case 'HeaderDisallowedByPreflightResponse':
      return `header check failed: ${detail.header ?? 'a request header'} is not in Access-Control-Allow-Headers`;
    case 'RedirectContainsCredentials':
      return 'redirect check failed: the Location URL contains a user name or password';
    default:
      return assertNever(corsError);
  }
}

function networkErrorText(reason: Extract<BlockedOutcome, { kind: 'network-error' }>['reason']): string {
  switch (reason) {
    case 'too-many-redirects':
      return 'redirect check failed: more than 20 redirects';
    case 'unsafe-redirect':
      return 'redirect check failed: the Location leads to a port or scheme the browser blocks';
    case 'invalid-redirect':
      return 'redirect check failed: the Location is not a valid URL';
    case 'redirect-mode-error':
      return "redirect check: the request's redirect mode is 'error'";
    case 'same-origin-mode':
      return 'mode check failed: a same-origin request went to another origin';
    case 'no-cors-redirect-mode':
      return "mode check: a no-cors request must use redirect mode 'follow'";
    case 'unsupported-scheme':
      return 'scheme check failed: the URL scheme is not http or https';
    case 'no-response':
      return 'no response: the server did not answer, or its answer was not recorded';
    default:
      return assertNever(reason);
  }
}

/** Returns the lane of a URL: the playground server at its origin, or the origin itself. */
function laneIdOf(url: string, origins: OriginMap): Lane['id'] {
  const origin = URL.parse(url)?.origin ?? url;
  const server = (['api', 'proxy', 'partner'] as const).find((name) => origins[name] === origin);
  return server ?? `origin:${origin}`;
}

function lanesOf(steps: readonly SequenceStep[], origins: OriginMap, pageOrigin: string): Lane[] {
  const ids: Lane['id'][] = ['browser'];
  for (const step of steps) {
    for (const id of [step.from, step.to]) if (!ids.includes(id)) ids.push(id);
  }
  return ids.map((id) => {
    if (id === 'browser') return { id, label: 'Browser', origin: pageOrigin };
    if (id.startsWith('origin:')) {
      const origin = id.slice('origin:'.length);
      return { id, label: origin, origin };
    }
    const server = id as ServerName;
    return { id, label: server, origin: origins[server] };
  });
}

/** Returns the path and query of an absolute URL or of a recorded path and query, without the trace parameter. */
export function displayPath(url: string): string {
  // A recorded path is used as it is, because resolving `//host/x` as a URL would read `host` as a host.
  let pathAndQuery = url;
  if (!url.startsWith('/')) {
    const parsed = URL.parse(url);
    if (parsed !== null) pathAndQuery = `${parsed.pathname}${parsed.search}`;
  }
  const [path, query] = splitQuery(pathAndQuery);
  if (query === undefined) return path;
  const parameters = new URLSearchParams(query);
  parameters.delete(traceParameter);
  const rest = parameters.toString();
  return rest === '' ? path : `${path}?${rest}`;
}

function splitQuery(pathAndQuery: string): [string, string | undefined] {
  const index = pathAndQuery.indexOf('?');
  return index === -1 ? [pathAndQuery, undefined] : [pathAndQuery.slice(0, index), pathAndQuery.slice(index + 1)];
}
