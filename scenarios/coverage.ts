/**
 * The coverage map: every CORS error kind Chromium can report, and every other failure the playground
 * sets out to teach, each mapped to the scenarios that reproduce it or to the reason it cannot be
 * reproduced on one machine. `coverage.test.ts` fails when an item has neither, so coverage is checked
 * rather than claimed, and `npm run readme` prints the map into the README.
 */
import { chromiumInitiators } from './chromium-messages.ts';
import { isCorsBlock, isNonCorsBlock } from './outcomes.ts';
import type { RequestInitiator, Scenario } from './types.ts';

/**
 * Chromium 156's `network::mojom::CorsError` values, in enum order, as DevTools reports them in
 * `corsErrorStatus.corsError` (services/network/public/mojom/cors.mojom).
 */
export const chromiumCorsErrors = [
  'DisallowedByMode',
  'InvalidResponse',
  'WildcardOriginNotAllowed',
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'InvalidAllowCredentials',
  'CorsDisabledScheme',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
  'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess',
  'LocalNetworkAccessPermissionDenied',
] as const;

export type ChromiumCorsError = (typeof chromiumCorsErrors)[number];

/** The reason each CORS error kind without a scenario cannot be reproduced. */
const corsErrorsNotReproducible: Partial<Record<ChromiumCorsError, string>> = {
  InvalidResponse:
    'Chromium reports it only when the network service gets no usable response object to check, which no ' +
    'HTTP response that a server sends can cause; the reference probes never observed it.',
  InvalidLocalNetworkAccess:
    "Raised when a request's targetAddressSpace names another address space than the one the server resolves " +
    'to. Every playground server resolves to loopback, and a loopback target declared as local or public was ' +
    'not observed to raise it; a second machine on a private network would be needed.',
};

export type CoverageGroup =
  'cors-error' | 'initiator' | 'trigger' | 'redirect' | 'silent' | 'layer' | 'look-alike' | 'security';

export const coverageGroupTitles: Readonly<Record<CoverageGroup, string>> = {
  'cors-error': 'CORS error kinds (DevTools corsError)',
  initiator: 'Initiators',
  trigger: 'What triggers a preflight, and its traps',
  redirect: 'Redirects',
  silent: 'Silent failures',
  layer: 'Layers and caching',
  'look-alike': 'Look-alikes that are not CORS',
  security: 'Misconfigurations that work but leak',
};

interface TopicInfo {
  readonly group: Exclude<CoverageGroup, 'cors-error' | 'initiator'>;
  readonly title: string;
}

/**
 * Teaching topics that no error kind identifies. A scenario claims one in its `covers` list, because
 * the topic is a property of its story (a JSON body, a shared cache) rather than of the browser's verdict.
 */
export const topics = {
  'trigger-json-content-type': { group: 'trigger', title: 'A JSON Content-Type needs a preflight' },
  'trigger-unsafe-safelisted-value': { group: 'trigger', title: 'A safelisted header with an unsafe byte' },
  'trigger-long-safelisted-value': { group: 'trigger', title: 'A safelisted header longer than 128 bytes' },
  'trigger-safelisted-total-size': { group: 'trigger', title: 'More than 1024 bytes of safelisted values' },
  'trigger-method-case': { group: 'trigger', title: 'Method case: patch is not PATCH' },
  'allow-methods-lowercase': { group: 'trigger', title: 'Lowercase methods in Access-Control-Allow-Methods' },
  'credentialed-star-literal': { group: 'trigger', title: '* is a literal name when credentials are included' },
  'authorization-under-wildcard': { group: 'trigger', title: 'Authorization under Access-Control-Allow-Headers: *' },
  'redirect-preflight': { group: 'redirect', title: 'A redirect on the preflight' },
  'redirect-without-cors-headers': { group: 'redirect', title: 'A redirect response without CORS headers' },
  'redirect-tainted-origin': { group: 'redirect', title: 'A cross-origin redirect chain sends Origin: null' },
  'redirect-second-preflight': { group: 'redirect', title: 'A preflighted request redirected and preflighted again' },
  'redirect-userinfo': { group: 'redirect', title: 'A redirect location with a username and password' },
  'redirect-mode-error': { group: 'redirect', title: "redirect: 'error' meets a redirect" },
  'silent-unexposed-header': { group: 'silent', title: 'A response header reads null without Expose-Headers' },
  'silent-expose-star-credentials': { group: 'silent', title: 'Access-Control-Expose-Headers: * with credentials' },
  'silent-set-cookie': { group: 'silent', title: 'Set-Cookie is never readable' },
  'silent-no-cors-opaque': { group: 'silent', title: "mode: 'no-cors' returns an empty opaque response" },
  'silent-tainted-canvas': { group: 'silent', title: 'An image without crossorigin taints the canvas' },
  'silent-cookies-not-sent': { group: 'silent', title: 'Cookies are not sent by default' },
  'silent-samesite': { group: 'silent', title: 'SameSite and third-party cookie blocking across sites' },
  'layer-duplicate-headers': { group: 'layer', title: 'Two layers add the same CORS header' },
  'layer-error-without-cors': { group: 'layer', title: 'CORS headers only on success' },
  'layer-error-with-cors': { group: 'layer', title: 'An error response with CORS headers reads fine' },
  'layer-middleware-order': { group: 'layer', title: 'Middleware registered after the routes or after auth' },
  'layer-vary-shared-cache': { group: 'layer', title: 'A missing Vary: Origin behind a shared cache' },
  'layer-max-age-revoked': { group: 'layer', title: 'Access-Control-Max-Age keeps a revoked permission' },
  'mixed-content': { group: 'look-alike', title: 'Mixed content' },
  'csp-connect-src': { group: 'look-alike', title: 'CSP connect-src' },
  corp: { group: 'look-alike', title: 'Cross-Origin-Resource-Policy' },
  coep: { group: 'look-alike', title: 'Cross-Origin-Embedder-Policy' },
  'file-origin-null': { group: 'look-alike', title: 'A file:// page has origin null' },
  'sandboxed-origin-null': { group: 'look-alike', title: 'A sandboxed iframe has origin null' },
  'server-down': { group: 'look-alike', title: 'The server is down' },
  'connection-dropped': { group: 'look-alike', title: 'The connection is dropped' },
  'local-network-access': { group: 'look-alike', title: 'Local Network Access permission' },
  'reflected-origin-credentials': { group: 'security', title: 'The request origin reflected with credentials' },
  'trusted-null-origin': { group: 'security', title: 'A trusted null origin' },
  'suffix-allowlist': { group: 'security', title: 'A suffix-matched allowlist' },
  'prefix-allowlist': { group: 'security', title: 'A prefix-matched allowlist' },
  'unanchored-regex-allowlist': { group: 'security', title: 'An unanchored regular expression allowlist' },
  'http-subdomain-trusted': { group: 'security', title: 'Trusted http:// subdomains' },
  'cors-is-not-csrf-protection': { group: 'security', title: 'CORS is not CSRF protection' },
  'websocket-origin-unchecked': { group: 'security', title: 'A WebSocket server that never checks Origin' },
} as const satisfies Readonly<Record<string, TopicInfo>>;

export type CoverageTopic = keyof typeof topics;

export interface CoverageEntry {
  /** The corsError value, the initiator, or the topic id. */
  readonly id: string;
  readonly group: CoverageGroup;
  readonly title: string;
  /** Ids of the scenarios that reproduce the item, in catalog order. */
  readonly scenarios: readonly string[];
  readonly notReproducible?: string;
}

/**
 * Returns the corsError values a scenario's variants end with: a CORS block's own, and the DevTools CORS
 * issues of a block with another cause, as Local Network Access reports its refusals.
 */
function corsErrorsOf(scenario: Scenario): string[] {
  const errors: string[] = [];
  for (const variant of Object.values(scenario.variants)) {
    const { outcome } = variant.expected;
    if (isCorsBlock(outcome)) errors.push(outcome.corsError);
    if (isNonCorsBlock(outcome)) {
      for (const issue of [outcome.issue, ...(outcome.otherIssues ?? [])]) {
        if (issue?.code === 'CorsIssue') errors.push(issue.reason);
      }
    }
  }
  return errors;
}

/** Builds the coverage map of a catalog: error kinds first, then initiators, then topics by group. */
export function coverageMap(catalog: readonly Scenario[]): CoverageEntry[] {
  const covering = (test: (scenario: Scenario) => boolean): string[] =>
    catalog.filter(test).map((scenario) => scenario.id);

  const errors = chromiumCorsErrors.map((corsError): CoverageEntry => {
    const reason = corsErrorsNotReproducible[corsError];
    return {
      id: corsError,
      group: 'cors-error',
      title: corsError,
      scenarios: covering((scenario) => corsErrorsOf(scenario).includes(corsError)),
      ...(reason !== undefined && { notReproducible: reason }),
    };
  });

  const initiators = (Object.keys(chromiumInitiators) as RequestInitiator[]).map((initiator): CoverageEntry => ({
    id: initiator,
    group: 'initiator',
    title: initiator,
    scenarios: covering((scenario) => scenario.request.initiator === initiator),
  }));

  const topicEntries = (Object.keys(topics) as CoverageTopic[]).map((topic): CoverageEntry => ({
    id: topic,
    group: topics[topic].group,
    title: topics[topic].title,
    scenarios: covering((scenario) => scenario.covers?.includes(topic) ?? false),
  }));

  return [...errors, ...initiators, ...topicEntries];
}

/** Returns the items that are neither reproduced nor explained, and those explained but reproduced after all. */
export function coverageProblems(map: readonly CoverageEntry[]): string[] {
  const problems: string[] = [];
  for (const entry of map) {
    if (entry.scenarios.length === 0 && entry.notReproducible === undefined) {
      problems.push(`${entry.group} '${entry.id}' has no scenario and no reason why it cannot be reproduced.`);
    }
    if (entry.scenarios.length > 0 && entry.notReproducible !== undefined) {
      problems.push(
        `${entry.group} '${entry.id}' is marked as not reproducible, but ${entry.scenarios.join(', ')} reproduce it: remove the reason.`,
      );
    }
  }
  return problems;
}
