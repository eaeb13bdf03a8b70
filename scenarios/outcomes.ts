/**
 * Helpers for the catalog's outcomes: telling a CORS block from a failure with another cause, and
 * filling in the console lines such a failure prints.
 */
import { assertNever } from './chromium-messages.ts';
import { fillOrigins, type OriginMap } from './origins.ts';
import { runnerPath } from './runner-protocol.ts';
import type {
  CorsBlockedOutcome,
  FailureCause,
  NonCorsBlockedOutcome,
  Outcome,
  RequestSpec,
  Variant,
  VariantName,
} from './types.ts';

/** Returns whether the outcome is a block by the CORS check, which a catalog row writes without a cause. */
export function isCorsBlock(outcome: Outcome): outcome is CorsBlockedOutcome {
  return outcome.verdict === 'blocked' && (outcome.cause === undefined || outcome.cause === 'cors');
}

/** Returns whether the request failed for another reason than the CORS check. */
export function isNonCorsBlock(outcome: Outcome): outcome is NonCorsBlockedOutcome {
  return outcome.verdict === 'blocked' && outcome.cause !== undefined && outcome.cause !== 'cors';
}

/** What caused a failure that is not a CORS block, as a phrase that completes "The request failed because …". */
export function describeFailureCause(cause: FailureCause): string {
  switch (cause) {
    case 'network':
      return 'no HTTP response came back: a network error, not a CORS check';
    case 'csp':
      return "the page's Content-Security-Policy forbids the connection, so the browser never sent the request";
    case 'mixed-content':
      return 'a page loaded over https may not fetch an http URL (mixed content), so the browser never sent the request';
    case 'corp':
      return "the response's Cross-Origin-Resource-Policy forbids this origin to load it";
    case 'coep':
      return "the page's Cross-Origin-Embedder-Policy requires a Cross-Origin-Resource-Policy header that the response lacks";
    case 'local-network-access':
      return 'a page on a public address may reach a local address only with the permission of the user';
    case 'redirect-mode':
      return "the page's fetch() set redirect: 'error' and the server answered with a redirect, which the browser then refused to follow";
    case 'websocket-handshake':
      return 'the WebSocket server refused the handshake; WebSockets are not subject to CORS, so no header in the answer could change that';
    default:
      return assertNever(cause);
  }
}

/** The document that sent an attempt's request, and the URL it requested. */
export interface ConsoleLineContext {
  /** The URL requested, trace included. */
  readonly url: string;
  /** The URL of the document that sent the request. */
  readonly page: string;
  /** That document's origin, serialized: `null` for an opaque origin. */
  readonly origin: string;
}

/**
 * Returns the URL of the document that sends a variant's request: the app page at `appPageUrl`, the
 * runner page a `frame` loads, or `about:srcdoc` for the sandboxed frame, which has no URL of its own.
 */
export function requestPageUrl(
  request: Pick<RequestSpec, 'page'>,
  where: { readonly origins: OriginMap; readonly scenarioId: string; readonly variant: VariantName },
  appPageUrl: string,
): string {
  const page = request.page ?? { kind: 'app' };
  switch (page.kind) {
    case 'app':
      return appPageUrl;
    case 'frame':
      return `${fillOrigins(page.origin, where.origins)}${runnerPath}/${where.scenarioId}/${where.variant}`;
    case 'sandboxed-frame':
      return 'about:srcdoc';
    case 'file':
      // NOTE: the folder the learner saves the page in is unknown, so only the scheme is certain.
      return 'file:';
    default:
      return assertNever(page);
  }
}

/** Fills `{url}`, `{page}`, `{origin}` and the origin names of a console line template. */
export function fillConsoleLine(template: string, context: ConsoleLineContext, origins: OriginMap): string {
  const filled = template.replace(/\{(url|page|origin)\}/g, (_, name: keyof ConsoleLineContext) => context[name]);
  return fillOrigins(filled, origins);
}

/**
 * Returns whether a variant's result follows from its servers' answers alone, as the unit tests assume that
 * run the servers in-process and stand in for the browser with the CORS evaluator. A failure of another
 * cause, or a request to another origin than its target's, needs the real browser of the e2e suite.
 */
export function decidedByServersAlone(variant: Variant): boolean {
  const { request, expected } = variant;
  return !isNonCorsBlock(expected.outcome) && request.targetOrigin === undefined && request.offline !== true;
}
