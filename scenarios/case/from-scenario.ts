/**
 * Converts a catalog variant into a case: the variant's request, and the answers its server gives
 * at each hop, worked out with the server model rather than written by hand.
 */
import { assertNever } from '../chromium-messages.ts';
import { corsUnsafeRequestHeaderNames, needsPreflight, normalizeMethod } from '../fetch-rules.ts';
import { isCorsBlock } from '../outcomes.ts';
import {
  fillOrigins,
  originSettings,
  originsFromPorts,
  type OriginName,
  type Ports,
  type ServerName,
} from '../origins.ts';
import type { RequestSpec, Scenario, VariantName } from '../types.ts';
import { answerRequest, type ModelAnswer, type ModelRequest } from './server-model.ts';
import { caseLimits } from './limits.ts';
import type { Answer, Case, CaseExpected, PageOrigin, RedirectAnswer } from './schema.ts';
import { caseSchema, initiators, pageOriginNames } from './schema.ts';

/**
 * Origins on ports that stand for their names, so that a frame page's origin template, such as
 * `http://localhost:{attacker.port}`, can be filled in and read back as a name and a host.
 */
const markerOrigins = originsFromPorts(
  Object.fromEntries(Object.keys(originSettings).map((name, index) => [name, index + 1])) as Ports,
);

/** Returns whether a catalog variant has a case. */
export function isCaseScenario(scenario: Scenario, variant: VariantName): boolean {
  return caseGap(scenario, variant) === undefined;
}

/**
 * Says why a variant has no case, or returns undefined when it has one.
 * NOTE: the lab answers HTTP requests only, and a case's page sits on an origin the runner serves,
 * so a WebSocket variant, or one whose page is on another origin (an https one), has no case.
 */
function caseGap(scenario: Scenario, variant: VariantName): string | undefined {
  const { request } = scenario.variants[variant];
  if (!(initiators as readonly string[]).includes(request.initiator)) {
    return `it sends its request with ${request.initiator}, and a case uses one of ${initiators.join(', ')}.`;
  }
  try {
    pageOf(request);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/** Headers the Fetch Standard removes when a redirect turns the request into a GET without a body. */
const requestBodyHeaders = ['content-encoding', 'content-language', 'content-location', 'content-type'];

/**
 * Builds the case of one catalog variant. The answers hold what the variant's server sends for the
 * preflight, each redirect and the response, with origins kept as `{app}` templates.
 *
 * NOTE: a case has no sign-in step and no page headers, so for a variant whose page first gets a cookie,
 * or has its own Content-Security-Policy, the case reproduces the server's answers but not that page.
 */
export function caseFromScenario(scenario: Scenario, variant: VariantName): Case {
  const { request, server, expected } = scenario.variants[variant];
  const gap = caseGap(scenario, variant);
  if (gap !== undefined) throw new Error(`Scenario '${scenario.id}' (${variant}) has no case: ${gap}`);
  const page = pageOf(request);
  // Origins stay templates, so the page's own is `{app}`, or a host on that origin's port.
  const pageOriginTemplate =
    page.name === 'null'
      ? 'null'
      : page.host === undefined
        ? `{${page.name}}`
        : `http://${page.host}:{${page.name}.port}`;
  const route = { method: request.method, behaviour: server };
  const headers = Object.entries(request.headers);

  let method = normalizeMethod(request.method);
  let requestHeaders = headers;
  let current: ServerName = request.target;
  let trailingSlash = false;
  let tainted = false;
  let preflight: Answer | undefined;
  const redirects: RedirectAnswer[] = [];

  for (let hop = 0; hop <= caseLimits.redirectCount; hop += 1) {
    const origin = tainted ? 'null' : pageOriginTemplate;
    const crossOrigin = origin !== `{${current}}`;
    const base = { server: current, trailingSlash };

    let hopPreflight: Answer | undefined;
    if (crossOrigin && request.mode !== 'no-cors' && needsPreflight(method, requestHeaders)) {
      const unsafe = corsUnsafeRequestHeaderNames(requestHeaders);
      hopPreflight = toAnswer(
        answerRequest(route, {
          ...base,
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': method,
            ...(unsafe.length > 0 && { 'access-control-request-headers': unsafe.join(',') }),
          },
        }),
      );
    }
    if (hop === 0) preflight = hopPreflight;
    else if (hopPreflight !== undefined && !sameAnswer(hopPreflight, preflight)) {
      redirects[hop - 1] = { ...redirects[hop - 1]!, preflight: hopPreflight };
    }

    // A GET or HEAD in no-cors mode carries no Origin header, as for an <img> without crossorigin.
    const sendsOrigin = crossOrigin && !(request.mode === 'no-cors' && (method === 'GET' || method === 'HEAD'));
    const actual: ModelRequest = { ...base, method, headers: lowercase(requestHeaders, origin, sendsOrigin) };
    const answer = answerRequest(route, actual);
    const { redirect } = answer;
    // The browser stops at a failed preflight; later hops are never requested.
    if (redirect === undefined || (hopPreflight !== undefined && hopPreflight.status >= 300)) {
      return finish(scenario, variant, request, page, preflight, redirects, toAnswer(answer), expected.outcome);
    }

    redirects.push({ ...toAnswer(answer), location: toAnswer(answer).location! });
    // Fetch's HTTP-redirect fetch: a cross-origin hop from a URL that is not the page's own taints the origin.
    if (redirect.target !== current && origin !== `{${current}}`) tainted = true;
    if (answer.status === 303 ? method !== 'GET' && method !== 'HEAD' : answer.status <= 302 && method === 'POST') {
      method = 'GET';
      requestHeaders = requestHeaders.filter(([name]) => !requestBodyHeaders.includes(name.toLowerCase()));
    }
    if (redirect.target === current) trailingSlash = true;
    current = redirect.target;
  }
  throw new Error(
    `Scenario '${scenario.id}' (${variant}) redirects more than ${caseLimits.redirectCount} times, so it has no case.`,
  );
}

function finish(
  scenario: Scenario,
  variant: VariantName,
  request: RequestSpec,
  page: { name: PageOrigin; host?: string },
  preflight: Answer | undefined,
  redirects: RedirectAnswer[],
  response: Answer,
  outcome: Scenario['variants'][VariantName]['expected']['outcome'],
): Case {
  const value = {
    version: 1 as const,
    name: `${scenario.id}-${variant}`,
    title: `${scenario.title} (${variant})`,
    request: {
      pageOrigin: page.name,
      ...(page.host !== undefined && { pageHost: page.host }),
      target: request.target,
      initiator: request.initiator,
      method: request.method,
      headers: Object.entries(request.headers),
      ...(request.body !== undefined && { body: request.body }),
      credentials: request.credentials,
      mode: request.mode ?? 'cors',
      redirect: 'follow' as const,
    },
    answers: { ...(preflight !== undefined && { preflight }), redirects, response },
    expected: expectedOutcome(outcome, request),
  };
  // Parsing checks the case against the format's limits, so a catalog row that outgrows them fails loudly.
  return caseSchema.parse(value);
}

function expectedOutcome(
  outcome: Scenario['variants'][VariantName]['expected']['outcome'],
  request: RequestSpec,
): CaseExpected {
  if (outcome.verdict === 'allowed') return { verdict: request.mode === 'no-cors' ? 'opaque' : 'allowed' };
  if (isCorsBlock(outcome)) return { verdict: 'blocked', stage: outcome.stage, corsError: outcome.corsError };
  return { verdict: 'blocked' };
}

/** The case's page origin and host for a variant's page. */
function pageOf(request: RequestSpec): { name: PageOrigin; host?: string } {
  const page = request.page ?? { kind: 'app' };
  switch (page.kind) {
    case 'app':
      return { name: 'app' };
    case 'sandboxed-frame':
      return { name: 'null' };
    case 'file':
      throw new Error('its page is opened from a file: URL, and a case runs its page on an origin the lab serves.');
    case 'frame': {
      const url = new URL(fillOrigins(page.origin, markerOrigins));
      const name = (Object.keys(markerOrigins) as OriginName[]).find(
        (candidate) => new URL(markerOrigins[candidate]).port === url.port,
      );
      const known = pageOriginNames.find((candidate) => candidate === name);
      if (known === undefined || known === 'null') {
        throw new Error(`A case has no page origin for '${page.origin}': use one of ${pageOriginNames.join(', ')}.`);
      }
      return { name: known, ...(url.hostname !== originSettings[known].host && { host: url.hostname }) };
    }
    default:
      return assertNever(page);
  }
}

function lowercase(
  headers: readonly (readonly [string, string])[],
  origin: string,
  sendsOrigin: boolean,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of headers) result[name.toLowerCase()] = value;
  if (sendsOrigin) result.origin = origin;
  return result;
}

function toAnswer(answer: ModelAnswer): Answer {
  const { redirect } = answer;
  return {
    status: answer.status,
    headers: answer.headers,
    ...(answer.body !== undefined && { body: answer.body }),
    ...(answer.bodyEncoding !== undefined && { bodyEncoding: answer.bodyEncoding }),
    // A redirect's Location makes it a redirect: without one, a browser treats a 3xx as a plain response.
    ...(redirect !== undefined && {
      location: { target: redirect.target, ...(redirect.userinfo !== undefined && { userinfo: redirect.userinfo }) },
    }),
  };
}

function sameAnswer(a: Answer, b: Answer | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
