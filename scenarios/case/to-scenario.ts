/**
 * Turns a case into a draft catalog scenario: the case's request becomes the scenario's request, and
 * its answers become the broken variant's server, written with the catalog's middleware and route.
 * The fixed variant and the prose cannot come from a case, so the draft marks them with `TODO:`.
 */
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { assertNever } from '../chromium-messages.ts';
import { defineScenario, type ScenarioRow, type VariantRow } from '../define.ts';
import { evaluate, type Evaluation } from '../evaluator/index.ts';
import { originsFromPorts, portsFromEnv, serverNames, type OriginMap, type ServerName } from '../origins.ts';
import type {
  CategoryId,
  CorsSettings,
  ExpectedExchange,
  JsResult,
  Middleware,
  Outcome,
  RequestPage,
  RequestSpec,
} from '../types.ts';
import { caseResponder } from './compose.ts';
import { caseFromScenario } from './from-scenario.ts';
import { caseRequest } from './lab-url.ts';
import {
  redirectStatuses,
  type Answer,
  type Case,
  type CaseAnswers,
  type CaseExpected,
  type RedirectAnswer,
} from './schema.ts';

/** A draft scenario: the catalog row, and what an engineer must still write or check, one line each. */
export interface ScenarioDraft {
  readonly row: ScenarioRow;
  /** Case features the row could not state, and answers of its server that differ from the case's. */
  readonly todos: readonly string[];
}

/** Empty prose, for rows built only to read what `defineScenario` derives from them. */
const placeholderProse = {
  id: 'draft',
  title: '',
  category: 'allow-origin',
  story: '',
  explanation: '',
  rule: '',
  fix: { summary: '', diff: [] },
  references: [],
} as const;

/** The catalog's defaults, read from `defineScenario` so that the draft leaves out what they already give. */
const catalogDefaults = defineScenario({ ...placeholderProse, broken: {}, fixed: {} }).variants.broken;

/** The evaluator runs on the default ports, and origins in its results are turned back into `{app}` templates. */
const defaultOrigins: OriginMap = originsFromPorts(portsFromEnv({}));

/** A header list, as a case writes it. */
type HeaderList = readonly (readonly [string, string])[];

/**
 * Builds the catalog row of a case. The broken variant's server gives the case's answers where the
 * catalog's server model can express them, and every answer it gives otherwise gets a line in `todos`.
 */
export function scenarioDraftFromCase(value: Case, id: string, title: string): ScenarioDraft {
  const todos: string[] = [];
  const request = requestRow(value, todos);
  const evaluation = evaluate(caseRequest(value, defaultOrigins), caseResponder(value, defaultOrigins));
  const outcome = outcomeRow(value.expected, evaluation, todos);

  // Two servers are tried: Hono's cors() with the rest set by hand, as most catalog rows have it, and every
  // header set by hand. The draft keeps the one whose answers differ from the case's least, cors() on a tie.
  const drafts = [corsServerRow, serverRow].flatMap((build) => {
    const serverTodos: string[] = [];
    const server = build(value, serverTodos);
    if (server === undefined) return [];
    const row = scenarioRow(id, title, request, variantRow(server, request, outcome, evaluation), outcome);
    const differences = answerDifferences(value, row);
    return [{ row, todos: [...todos, ...serverTodos, ...differences], differences: differences.length }];
  });
  const best = drafts.reduce((kept, draft) => (draft.differences < kept.differences ? draft : kept));
  return { row: best.row, todos: best.todos };
}

function variantRow(
  server: ServerRow,
  request: Partial<RequestSpec>,
  outcome: Outcome | undefined,
  evaluation: Evaluation,
): VariantRow {
  const scenarioRequest: RequestSpec = { ...catalogDefaults.request, ...request };
  const broken: VariantRow = {
    ...server,
    ...(outcome !== undefined && { outcome }),
    ...jsRow(scenarioRequest, outcome),
  };
  return { ...broken, ...exchangesRow(broken, request, evaluation) };
}

function scenarioRow(
  id: string,
  title: string,
  request: Partial<RequestSpec>,
  broken: VariantRow,
  outcome: Outcome | undefined,
): ScenarioRow {
  return {
    id,
    title,
    category: categoryOf(outcome),
    story: "TODO: the goal of the learner's app, in one or two sentences.",
    explanation: 'TODO: why the browser decides as it does, in a short paragraph.',
    rule: 'TODO: the one-line rule the scenario demonstrates.',
    fix: { summary: 'TODO: what to change on the server, and why.', diff: [] },
    references: [],
    ...(Object.keys(request).length > 0 && { request }),
    broken,
    fixed: broken,
  };
}

/** Builds the TypeScript source of `scenarios/catalog/<id>.ts` for a case. */
export function scenarioSourceFromCase(value: Case, id: string, title: string): Promise<string> {
  return scenarioSource(scenarioDraftFromCase(value, id, title));
}

/** A catalog file's path, for Prettier to find the repository's settings that every catalog file follows. */
const catalogFile = fileURLToPath(new URL('../catalog/draft.ts', import.meta.url));

/**
 * Serializes a draft as a catalog file, with its `TODO:` lines as comments where an engineer edits. The
 * row is plain data, so JSON writes it, and Prettier lays it out as the other catalog files.
 */
export async function scenarioSource({ row, todos }: ScenarioDraft): Promise<string> {
  const comments: Record<string, readonly string[]> = {
    category: ['TODO: check the category; the draft picks it from the stage of the expected outcome.'],
    fix: ['TODO: list the fix as header diff lines once the fixed variant is written.'],
    references: ['TODO: link the Fetch Standard section or MDN page that states the rule.'],
    broken: todos.map((todo) => `TODO: ${todo}`),
    fixed: ['TODO: a copy of the broken variant: change its server, or its request, to the fix.'],
  };
  const lines = ["import { defineScenario } from '../define.ts';", '', 'export default defineScenario({'];
  for (const [key, field] of Object.entries(row)) {
    if (field === undefined) continue;
    for (const comment of comments[key] ?? []) lines.push(`  // ${comment}`);
    lines.push(`  ${key}: ${JSON.stringify(field)},`);
  }
  lines.push('});', '');
  const options = await resolveConfig(catalogFile);
  return format(lines.join('\n'), { ...options, parser: 'typescript' });
}

// The request.

/** Returns the fields of the case's request that differ from the catalog's default request. */
function requestRow(value: Case, todos: string[]): Partial<RequestSpec> {
  const { request } = value;
  const page = pageOf(value);
  const full: Partial<RequestSpec> = {
    initiator: request.initiator,
    target: request.target,
    method: request.method,
    headers: headerRecord(request.headers, 'request', todos),
    ...(request.body !== undefined && { body: request.body }),
    credentials: request.credentials,
    ...(request.mode !== 'cors' && { mode: request.mode }),
    ...(request.redirect !== 'follow' && { redirect: request.redirect }),
    ...(page !== undefined && { page }),
  };
  return withoutDefaults(full, catalogDefaults.request);
}

/** Returns the page that sends the request, or undefined for the app page, the catalog's default. */
function pageOf(value: Case): RequestPage | undefined {
  const { pageOrigin, pageHost } = value.request;
  if (pageOrigin === 'app' && pageHost === undefined) return undefined;
  if (pageOrigin === 'null') return { kind: 'sandboxed-frame' };
  const origin = pageHost === undefined ? `{${pageOrigin}}` : `http://${pageHost}:{${pageOrigin}.port}`;
  return { kind: 'frame', origin };
}

// The server.

/** The server fields of the broken variant: a middleware chain, the route's response and the proxy's headers. */
type ServerRow = Pick<VariantRow, 'middleware' | 'response' | 'proxyAddsHeaders'>;

/**
 * Builds a server whose answers are the case's. The chain runs in this order. First the preflight's
 * answer, which ends an OPTIONS request. Then redirect steps, which end a request on a server they
 * redirect from. Then a `set-headers` step, whose headers come after the route's Content-Type. Last the
 * route, whose own headers come before it. A redirect with the same headers as that step goes inside it,
 * so the step adds them.
 */
function serverRow(value: Case, todos: string[]): ServerRow {
  const { target } = value.request;
  const proxy = proxyHeaders(value, todos);
  const answers = proxy.answers;
  const finalIsRedirect = isRedirect(answers.response);
  if (answers.response.location !== undefined && !finalIsRedirect) {
    todos.push(
      `dropped the location of the ${answers.response.status} response: the catalog redirects only with a redirect status.`,
    );
  }
  const redirectHops: readonly (Answer | RedirectAnswer)[] = finalIsRedirect
    ? [...answers.redirects, answers.response]
    : answers.redirects;

  const route = finalIsRedirect ? { before: [], after: [], steps: [] } : routeOf(answers.response, todos);
  const redirectSteps = redirectHops.flatMap((hop, index) =>
    redirectStep(hop, serverBefore(target, redirectHops, index), todos),
  );
  const redirectHeaders = sameHeaders(redirectHops, route.after, todos);
  const setHeaders = setHeadersStep(route.after, 'response', todos);

  const middleware: Middleware[] = [
    ...preflightSteps(answers.preflight, route.after, todos),
    ...(redirectHeaders === 'outside' ? redirectSteps : []),
    ...setHeaders,
    ...(redirectHeaders === 'inside' ? redirectSteps : []),
    ...route.steps,
  ];
  for (const [index, hop] of answers.redirects.entries()) {
    if (hop.preflight !== undefined) {
      todos.push(
        `the preflight at redirect ${index + 1} gets ${describeAnswer(hop.preflight)}: a catalog server answers every preflight alike.`,
      );
    }
  }
  const response = finalIsRedirect ? undefined : routeResponse(answers.response, route.before, todos);
  return {
    ...(middleware.length > 0 && { middleware }),
    ...(response !== undefined && Object.keys(response).length > 0 && { response }),
    ...(proxy.headers !== undefined && target === 'proxy' && { proxyAddsHeaders: proxy.headers }),
  };
}

/**
 * Builds a server with Hono's cors() first in the chain, when the case's CORS headers have the order and
 * values that cors() gives them. The other headers are set by hand, as `serverRow` sets them.
 */
function corsServerRow(value: Case, todos: string[]): ServerRow | undefined {
  const { answers } = value;
  const settings =
    answers.preflight === undefined
      ? corsSettingsOfResponse(answers.response)
      : corsSettingsOfPreflight(answers.preflight);
  if (settings === undefined) return undefined;
  // cors() answers the preflight itself, so the rest of the chain sees no preflight.
  const withoutCors: CaseAnswers = {
    redirects: answers.redirects.map((hop) => ({ ...hop, headers: withoutCorsHeaders(hop.headers, settings) })),
    response: { ...answers.response, headers: withoutCorsHeaders(answers.response.headers, settings) },
  };
  const server = serverRow({ ...value, answers: withoutCors }, todos);
  return { ...server, middleware: [{ kind: 'cors', settings }, ...(server.middleware ?? [])] };
}

/** Reads cors() settings from a preflight answer in the header order cors() sends. */
function corsSettingsOfPreflight(preflight: Answer): CorsSettings | undefined {
  if (preflight.status !== 204 || preflight.body !== undefined || preflight.location !== undefined) return undefined;
  const headers = new HeaderReader(preflight.headers);
  const origin = headers.take('Access-Control-Allow-Origin');
  if (origin === undefined) return undefined;
  const credentials = headers.take('Access-Control-Allow-Credentials');
  const exposeHeaders = headers.take('Access-Control-Expose-Headers');
  // cors() varies on Origin unless it allows every origin.
  if (origin !== '*' && headers.take('Vary') !== 'Origin') return undefined;
  const maxAge = headers.take('Access-Control-Max-Age');
  const allowMethods = headers.take('Access-Control-Allow-Methods');
  const allowHeaders = headers.take('Access-Control-Allow-Headers');
  if (allowHeaders !== undefined && headers.take('Vary') !== 'Access-Control-Request-Headers') return undefined;
  if (!headers.done() || (credentials !== undefined && credentials !== 'true')) return undefined;
  if (maxAge !== undefined && !/^\d+$/.test(maxAge)) return undefined;
  return {
    origin: origin === '*' ? '*' : [origin],
    allowMethods: allowMethods === undefined ? [] : allowMethods.split(','),
    ...(allowHeaders !== undefined && { allowHeaders: allowHeaders.split(',') }),
    ...(exposeHeaders !== undefined && { exposeHeaders: exposeHeaders.split(',') }),
    ...(credentials !== undefined && { credentials: true }),
    ...(maxAge !== undefined && { maxAge: Number(maxAge) }),
  };
}

/** Reads cors() settings from a response: the headers cors() sets first, and its Vary: Origin last. */
function corsSettingsOfResponse(response: Answer): CorsSettings | undefined {
  const headers = new HeaderReader(response.headers);
  const origin = headers.take('Access-Control-Allow-Origin');
  if (origin === undefined) return undefined;
  const credentials = headers.take('Access-Control-Allow-Credentials');
  const exposeHeaders = headers.take('Access-Control-Expose-Headers');
  const last = response.headers.at(-1);
  if (origin !== '*' && (last?.[0] !== 'Vary' || last[1] !== 'Origin')) return undefined;
  if (credentials !== undefined && credentials !== 'true') return undefined;
  return {
    origin: origin === '*' ? '*' : [origin],
    ...(exposeHeaders !== undefined && { exposeHeaders: exposeHeaders.split(',') }),
    ...(credentials !== undefined && { credentials: true }),
  };
}

/** Removes the headers cors() adds to an answer other than a preflight, when the answer has them where cors() puts them. */
function withoutCorsHeaders(headers: HeaderList, settings: CorsSettings): [string, string][] {
  const leading: [string, string][] = [
    ['Access-Control-Allow-Origin', typeof settings.origin === 'string' ? settings.origin : (settings.origin[0] ?? '')],
    ...(settings.credentials === true ? [['Access-Control-Allow-Credentials', 'true'] as [string, string]] : []),
    ...(settings.exposeHeaders !== undefined && settings.exposeHeaders.length > 0
      ? [['Access-Control-Expose-Headers', settings.exposeHeaders.join(',')] as [string, string]]
      : []),
  ];
  const varies = settings.origin !== '*';
  const last = headers.at(-1);
  const endsWithVary = !varies || (last?.[0] === 'Vary' && last[1] === 'Origin');
  const kept =
    JSON.stringify(headers.slice(0, leading.length)) !== JSON.stringify(leading) || !endsWithVary
      ? headers
      : headers.slice(leading.length, varies ? -1 : undefined);
  return kept.map(([name, value]) => [name, value]);
}

/** Reads a header list in order, taking each expected header only when it comes next. */
class HeaderReader {
  private index = 0;

  constructor(private readonly headers: HeaderList) {}

  take(name: string): string | undefined {
    const header = this.headers[this.index];
    if (header === undefined || header[0] !== name) return undefined;
    this.index += 1;
    return header[1];
  }

  done(): boolean {
    return this.index === this.headers.length;
  }
}

/**
 * Takes the headers that the proxy appends to its answers out of a case that targets it: the repeated
 * headers at the end of the response, when the preflight ends with them too. The proxy's `add_header`
 * is the catalog's way to send a header twice.
 */
function proxyHeaders(value: Case, todos: string[]): { answers: CaseAnswers; headers?: Record<string, string> } {
  const { answers } = value;
  if (value.request.target !== 'proxy' || answers.redirects.length > 0) return { answers };
  const { headers } = answers.response;
  let start = headers.length;
  while (start > 0 && repeatsEarlier(headers, start - 1)) start -= 1;
  const suffix = headers.slice(start);
  if (suffix.length === 0) return { answers };
  const preflight = answers.preflight;
  if (preflight !== undefined && !endsWith(preflight.headers, suffix)) return { answers };
  const strip = (answer: Answer): Answer => ({
    ...answer,
    headers: answer.headers.slice(0, answer.headers.length - suffix.length),
  });
  return {
    answers: {
      ...answers,
      ...(preflight !== undefined && { preflight: strip(preflight) }),
      response: strip(answers.response),
    },
    headers: headerRecord(suffix, 'proxy', todos),
  };
}

/** The answer that `require-authorization` gives a request without an Authorization header. */
const unauthorizedAnswer: Answer = {
  status: 401,
  headers: [
    ['WWW-Authenticate', 'Bearer'],
    ['Content-Type', 'application/json'],
  ],
  body: JSON.stringify({ error: 'Missing Authorization header' }),
};

/** The answer a server without an OPTIONS route gives a preflight, before the `set-headers` step adds its headers. */
const notFoundAnswer: Answer = {
  status: 404,
  headers: [['Content-Type', 'text/plain; charset=UTF-8']],
  body: '404 Not Found',
};

function preflightSteps(preflight: Answer | undefined, setHeaders: HeaderList, todos: string[]): Middleware[] {
  if (preflight === undefined || preflight.location !== undefined) return [];
  const notFound = { ...notFoundAnswer, headers: [...notFoundAnswer.headers, ...setHeaders] };
  if (JSON.stringify(preflight) === JSON.stringify(notFound)) return [];
  if (JSON.stringify(preflight) === JSON.stringify(unauthorizedAnswer)) return [{ kind: 'require-authorization' }];
  if (preflight.status !== 204 || (preflight.body ?? '') !== '') {
    todos.push(`the preflight gets ${describeAnswer(preflight)}, but answer-options always answers 204 with no body.`);
  }
  return [{ kind: 'answer-options', headers: headerRecord(preflight.headers, 'preflight', todos) }];
}

/** Returns whether an answer redirects: an answer may carry a location with any status, but only a redirect status redirects. */
function isRedirect(answer: Answer): boolean {
  return answer.location !== undefined && (redirectStatuses as readonly number[]).includes(answer.status);
}

/** Returns the server that sends redirect hop `index`: the request's target, then each Location's target in turn. */
function serverBefore(target: ServerName, hops: readonly (Answer | RedirectAnswer)[], index: number): ServerName {
  return index === 0 ? target : hops[index - 1]!.location!.target;
}

function redirectStep(hop: Answer | RedirectAnswer, from: ServerName, todos: string[]): Middleware[] {
  const location = hop.location!;
  if (location.target === from) {
    if (hop.status === 303) {
      todos.push(`the 303 redirect from ${from} to itself became a 302: redirect-to-trailing-slash has no 303.`);
      return [{ kind: 'redirect-to-trailing-slash', status: 302 }];
    }
    const status = hop.status as 301 | 302 | 307 | 308;
    if (location.userinfo !== undefined) todos.push('dropped the user info of a redirect to the same server.');
    return [{ kind: 'redirect-to-trailing-slash', status }];
  }
  if (location.target === 'proxy') {
    todos.push(`dropped the redirect from ${from} to the proxy: redirect-to-server cannot point at the proxy.`);
    return [];
  }
  return [
    {
      kind: 'redirect-to-server',
      server: location.target,
      status: hop.status as 301 | 302 | 303 | 307 | 308,
      ...(location.userinfo !== undefined && { userinfo: location.userinfo }),
    },
  ];
}

/**
 * Says where the redirect steps go: outside the `set-headers` step when the redirects have no headers,
 * inside it when they have the same headers as the step. Other headers on a redirect are dropped.
 */
function sameHeaders(
  hops: readonly (Answer | RedirectAnswer)[],
  after: HeaderList,
  todos: string[],
): 'outside' | 'inside' {
  if (hops.every((hop) => hop.headers.length === 0)) return 'outside';
  if (after.length > 0 && hops.every((hop) => JSON.stringify(hop.headers) === JSON.stringify(after))) return 'inside';
  todos.push(
    'dropped the headers of the redirects, which differ from those after the response Content-Type: a catalog server sets the same headers on every answer.',
  );
  return 'outside';
}

/** The route's part of the response: the headers before its Content-Type, and those after it. */
interface RouteHeaders {
  readonly before: HeaderList;
  readonly after: HeaderList;
  readonly steps: readonly Middleware[];
}

function routeOf(response: Answer, todos: string[]): RouteHeaders {
  const index = response.headers.findIndex(([name]) => name.toLowerCase() === 'content-type');
  if (index !== -1) {
    return { before: response.headers.slice(0, index), after: response.headers.slice(index + 1), steps: [] };
  }
  // The catalog's servers record a closed connection with this status, so a case made from one has it.
  if (response.status === 444 && response.body === undefined) {
    return { before: [], after: response.headers, steps: [{ kind: 'close-connection' }] };
  }
  todos.push(
    'the response has no Content-Type header, but a catalog route always sends one: this draft sends text/plain.',
  );
  return { before: [], after: response.headers, steps: [] };
}

function setHeadersStep(headers: HeaderList, part: string, todos: string[]): Middleware[] {
  if (headers.length === 0) return [];
  return [{ kind: 'set-headers', headers: headerRecord(headers, part, todos) }];
}

/** Returns the fields of the route's response that differ from the catalog's default response. */
function routeResponse(response: Answer, before: HeaderList, todos: string[]): VariantRow['response'] {
  if (response.status === 444 && !response.headers.some(([name]) => name.toLowerCase() === 'content-type')) return {};
  const contentType = response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'text/plain';
  const text = response.body ?? '';
  const json = contentType === 'application/json' ? parsedJson(text) : undefined;
  const full = {
    status: response.status,
    headers: headerRecord(before, 'response', todos),
    ...(json !== undefined
      ? { body: json.value }
      : {
          raw: {
            contentType,
            text,
            ...(response.bodyEncoding !== undefined && { encoding: response.bodyEncoding }),
          },
        }),
  };
  return withoutDefaults(full, catalogDefaults.server.response);
}

/** Parses a JSON body, and returns it only when serializing it again gives the same text, so the route can send it. */
function parsedJson(text: string): { value: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return JSON.stringify(value) === text ? { value } : undefined;
  } catch {
    return undefined;
  }
}

// The expected outcome.

/**
 * Returns the catalog outcome: the case's expected outcome when it has one, else the evaluator's. The console
 * message's detail and the fault come from the evaluator, which reads them from the answers.
 */
function outcomeRow(expected: CaseExpected | undefined, evaluation: Evaluation, todos: string[]): Outcome | undefined {
  const predicted = evaluatedOutcome(evaluation, todos);
  if (expected === undefined) return predicted;
  if (expected.verdict !== evaluation.verdict) {
    todos.push(`the case expects ${expected.verdict}, but the evaluator predicts ${evaluation.verdict}.`);
  }
  if (expected.verdict !== 'blocked') return undefined;
  if (expected.stage === undefined || expected.corsError === undefined || expected.stage === 'construction') {
    todos.push('the case expects a block without a CORS error: write the outcome with its cause and console lines.');
    return undefined;
  }
  if (
    predicted?.verdict === 'blocked' &&
    !('cause' in predicted && predicted.cause !== 'cors') &&
    predicted.corsError === expected.corsError
  ) {
    return { ...predicted, stage: expected.stage };
  }
  todos.push(`write the detail and fault of the expected ${expected.corsError}: the evaluator does not predict it.`);
  return { verdict: 'blocked', stage: expected.stage, corsError: expected.corsError, detail: {} };
}

/** Converts the evaluator's outcome to the catalog's terms, where allowed and opaque are both the default. */
function evaluatedOutcome(evaluation: Evaluation, todos: string[]): Outcome | undefined {
  const { outcome } = evaluation;
  switch (outcome.verdict) {
    case 'allowed':
    case 'opaque':
      return undefined;
    case 'blocked':
      break;
    default:
      return assertNever(outcome);
  }
  switch (outcome.kind) {
    case 'cors':
      if (outcome.stage === 'request') break;
      return {
        verdict: 'blocked',
        stage: outcome.stage,
        corsError: outcome.corsError,
        detail: templated(outcome.detail),
        fault:
          'header' in outcome.fault
            ? { exchange: outcome.fault.exchange, header: outcome.fault.header }
            : { exchange: outcome.fault.exchange, status: true },
      };
    case 'network-error':
      if (outcome.rendererCorsError !== undefined) {
        return { verdict: 'blocked', stage: 'request', corsError: outcome.rendererCorsError, detail: {} };
      }
      break;
    case 'construction':
      break;
    default:
      return assertNever(outcome);
  }
  todos.push(
    `the evaluator predicts a failure that is not a CORS block (${evaluation.explanation}): write the outcome with its cause and console lines.`,
  );
  return undefined;
}

/** Turns the evaluator's serialized origins back into templates such as `{app}`. */
function templated<T extends object>(detail: T): T {
  let text = JSON.stringify(detail);
  for (const [name, origin] of Object.entries(defaultOrigins).sort(([, a], [, b]) => b.length - a.length)) {
    text = text.replaceAll(origin, `{${name}}`);
  }
  return JSON.parse(text) as T;
}

/** Returns the JavaScript result where the catalog cannot derive it: an allowed request from an element or EventSource. */
function jsRow(request: RequestSpec, outcome: Outcome | undefined): { js?: JsResult } {
  if (outcome !== undefined || ['fetch', 'xhr', 'beacon'].includes(request.initiator)) return {};
  return { js: { kind: 'loaded', text: 'TODO: what the page shows once the response loads' } };
}

/** Returns the requests the servers record, from the evaluator, when they differ from what the catalog derives. */
function exchangesRow(
  broken: VariantRow,
  request: Partial<RequestSpec>,
  evaluation: Evaluation,
): { exchanges?: readonly ExpectedExchange[] } {
  const exchanges = evaluation.exchanges.flatMap(({ request: sent, response }): ExpectedExchange[] => {
    const server = serverNames.find((name) => new URL(sent.url).port === new URL(defaultOrigins[name]).port);
    if (server === undefined || response === undefined) return [];
    const origin =
      sent.origin === null
        ? 'absent'
        : sent.origin === 'null' && evaluation.exchanges[0]?.request.origin !== 'null'
          ? 'null'
          : undefined;
    return [{ server, method: sent.method, status: response.status, ...(origin !== undefined && { origin }) }];
  });
  const derived = defineScenario({ ...placeholderProse, request, broken, fixed: broken }).variants.broken.expected
    .exchanges;
  return JSON.stringify(derived) === JSON.stringify(exchanges) ? {} : { exchanges };
}

function categoryOf(outcome: Outcome | undefined): CategoryId {
  if (outcome === undefined || outcome.verdict !== 'blocked' || !('stage' in outcome)) return 'allow-origin';
  switch (outcome.stage) {
    case 'preflight':
      return 'preflight';
    case 'redirect':
      return 'redirects';
    case 'request':
      return 'layers';
    case 'response':
      return 'allow-origin';
    default:
      return assertNever(outcome.stage);
  }
}

// Checking the draft against the case.

/** Lists each answer of the draft's broken server that differs from the case's answer to the same request. */
function answerDifferences(value: Case, row: ScenarioRow): string[] {
  let answers: CaseAnswers;
  try {
    answers = caseFromScenario(defineScenario(row), 'broken').answers;
  } catch (error) {
    return [`the draft's server could not be run for this case: ${(error as Error).message}`];
  }
  const differences: string[] = [];
  const expected = value.answers;
  const parts: [string, Answer | undefined, Answer | undefined][] = [
    ['preflight', expected.preflight, answers.preflight],
    ...expected.redirects.map((hop, index): [string, Answer, Answer | undefined] => [
      `redirect ${index + 1}`,
      hop,
      answers.redirects[index],
    ]),
    ['response', expected.response, answers.response],
  ];
  for (const [part, wanted, actual] of parts) {
    // A redirect's own preflight is compared as the preflight part, and has its own TODO when dropped.
    if (JSON.stringify({ ...wanted, preflight: undefined }) !== JSON.stringify({ ...actual, preflight: undefined })) {
      differences.push(
        `the draft's server answers the ${part} with ${describeAnswer(actual)}, where the case has ${describeAnswer(wanted)}.`,
      );
    }
  }
  if (answers.redirects.length > expected.redirects.length) {
    differences.push(
      `the draft's server redirects ${answers.redirects.length} times, where the case redirects ${expected.redirects.length} times.`,
    );
  }
  return differences;
}

function describeAnswer(answer: Answer | undefined): string {
  if (answer === undefined) return 'no answer';
  const headers = answer.headers.map(([name, value]) => `${name}: ${value}`).join(', ');
  const location = answer.location === undefined ? '' : ` to ${answer.location.target}`;
  return `${answer.status}${location}${headers === '' ? '' : ` (${headers})`}`;
}

// Values.

/** Turns a header list into a record. A name that repeats keeps its last value, and a `TODO:` line reports the loss. */
function headerRecord(headers: HeaderList, part: string, todos: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const [name, value] of headers) {
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) {
      todos.push(`dropped the ${part}'s first ${name} header, because a header record holds one value per name.`);
      delete record[earlier];
    }
    seen.set(name.toLowerCase(), name);
    record[name] = value;
  }
  return record;
}

function repeatsEarlier(headers: HeaderList, index: number): boolean {
  const name = headers[index]![0].toLowerCase();
  return headers.slice(0, index).some(([earlier]) => earlier.toLowerCase() === name);
}

function endsWith(headers: HeaderList, suffix: HeaderList): boolean {
  return JSON.stringify(headers.slice(headers.length - suffix.length)) === JSON.stringify(suffix);
}

/** Returns the fields of `full` whose values differ from `defaults`. */
function withoutDefaults<T extends object>(full: T, defaults: object): Partial<T> {
  const entries = Object.entries(full).filter(
    ([key, field]) => JSON.stringify(field) !== JSON.stringify((defaults as Record<string, unknown>)[key]),
  );
  return Object.fromEntries(entries) as Partial<T>;
}
