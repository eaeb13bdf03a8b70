/**
 * The replay endpoint: `GET /__playground/replay/<scenario-id>/<variant>` sends the scenario's request
 * to its target server without an Origin header, as curl or Postman would, and returns the response as
 * JSON. The page shows it beside what the browser let JavaScript see.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { ReplayResponse } from '../scenarios/records.ts';
import {
  findScenario,
  listenHost,
  requestOrigin,
  scenarios,
  variantNames,
  type OriginMap,
  type Scenario,
  type ServerName,
  type VariantName,
} from '../scenarios/index.ts';
import { newTraceId, traceParameter } from '../scenarios/records.ts';
import type { Log } from './log.ts';
import { playgroundError, quote } from './playground-error.ts';
import { fetchOverTls } from './replay-over-tls.ts';

export { replayPath } from '../scenarios/records.ts';

export interface ReplayOptions {
  readonly origins: OriginMap;
  readonly log: Log;
  /**
   * Sends the replayed request to the target server. `hostname` is the host name of the target's origin,
   * since the request's URL names the loopback address. Tests pass the in-process apps. Default: `fetch`,
   * to the target's port on the loopback address the servers listen on, over https with `certificate`.
   */
  readonly fetchTarget?: (request: Request, target: ServerName, hostname: string) => Promise<Response>;
  /** The playground's own certificate (PEM). Replays to an https origin trust it. */
  readonly certificate?: string;
  /** Default: 5000 ms. */
  readonly timeoutMs?: number;
}

/** Longer bodies are cut, so that a scenario's response cannot make the JSON response large. */
const maxBodyCharacters = 64 * 1024;

/** Names the client in the target's log and records, where curl would send `User-Agent: curl/<version>`. */
const replayUserAgent = 'cors-playground-replay (a non-browser client, like curl)';

/**
 * Creates the replay routes, to mount at `replayPath`. The target and the URL come only from the
 * catalog, never from the query or the body, so no page can make the server fetch another URL.
 */
export function createReplayApp({
  origins,
  log,
  certificate,
  fetchTarget = (request, _target, hostname) =>
    request.url.startsWith('https:') && certificate !== undefined
      ? fetchOverTls(request, certificate, hostname)
      : fetch(request),
  timeoutMs = 5000,
}: ReplayOptions): Hono {
  const app = new Hono();

  // The replay endpoint is the playground's own API, so it sends correct CORS headers for the app.
  app.get('/:id/:variant?', cors({ origin: origins.app }), async function replayScenario(c) {
    const id = c.req.param('id');
    const variant = c.req.param('variant');
    const scenario = findScenario(id);
    if (scenario === undefined) {
      log(`[api] 404 replay of unknown scenario id ${quote(id)}`);
      return playgroundError(c, 404, {
        error: `Unknown scenario id ${quote(id)}. Valid ids: ${scenarios.map((s) => s.id).join(', ')}.`,
        scenarios: scenarios.map((s) => s.id),
        appOrigin: origins.app,
      });
    }
    if (!isVariantName(variant)) {
      log(`[api] 404 replay of unknown variant ${quote(variant ?? '')} of '${id}'`);
      return playgroundError(c, 404, {
        error: `Unknown variant ${quote(variant ?? '')} of scenario '${id}'. Valid variants: ${variantNames.join(', ')}.`,
        variants: variantNames,
        appOrigin: origins.app,
      });
    }

    const { request, summary } = replayRequest(scenario, variant, origins, timeoutMs);
    let response: Response;
    let body: string;
    try {
      const { hostname } = new URL(summary.request.url);
      response = await fetchTarget(request, scenario.variants[variant].request.target, hostname);
      body = await response.text();
    } catch (error) {
      log(
        `[api] 502 replay of ${id}/${variant}: ${request.method} ${summary.request.url} failed: ${describeError(error)}`,
      );
      return playgroundError(c, 502, {
        error:
          `The replayed ${request.method} to ${summary.request.url} failed: ${describeError(error)}. ` +
          `Is the ${scenario.variants[variant].request.target} server running?`,
        appOrigin: origins.app,
      });
    }

    const result: ReplayResponse = {
      trace: summary.trace,
      request: summary.request,
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body:
        body.length > maxBodyCharacters
          ? `${body.slice(0, maxBodyCharacters)}… (cut at ${maxBodyCharacters} characters)`
          : body,
    };
    return c.json(result);
  });
  return app;
}

/** The replayed request as the page shows it, with the URL on the target's origin. */
interface RequestSummary {
  readonly trace: string;
  readonly request: ReplayResponse['request'];
}

/**
 * Builds the request from the catalog: its method, headers and body, to the target server's port on
 * the loopback address, with a fresh trace id so the servers record it apart from the browser's attempt.
 * `summary` is the same request with the URL on the target's origin, as the page names it.
 */
function replayRequest(
  scenario: Scenario,
  variant: VariantName,
  origins: OriginMap,
  timeoutMs: number,
): { request: Request; summary: RequestSummary } {
  const { path, method, headers, body } = scenario.variants[variant].request;
  const origin = requestOrigin(scenario.variants[variant].request, origins);
  const trace = newTraceId();
  const pathAndQuery = `/scenarios/${scenario.id}/${variant}${path}?${traceParameter}=${trace}`;

  const requestHeaders = new Headers(headers);
  if (!requestHeaders.has('user-agent')) requestHeaders.set('user-agent', replayUserAgent);
  if (!requestHeaders.has('accept')) requestHeaders.set('accept', '*/*');
  const sendsBody = body !== undefined && method !== 'GET' && method !== 'HEAD';

  const request = new Request(`${loopbackBase(origin)}${pathAndQuery}`, {
    method,
    headers: requestHeaders,
    ...(sendsBody && { body }),
    // curl follows no redirect without -L, and following one could lead off the playground.
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const summary: RequestSummary = {
    trace,
    request: {
      method,
      url: `${origin}${pathAndQuery}`,
      headers: [...requestHeaders],
      ...(sendsBody && { body }),
    },
  };
  return { request, summary };
}

/** Returns the base URL on the loopback address the servers listen on, with the scheme and port of the origin. */
function loopbackBase(origin: string): string {
  const url = new URL(origin);
  // An origin on its scheme's default port serializes without the port.
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  // Browsers resolve every `*.localhost` name to loopback, Node's resolver does not. The playground's
  // Chromium maps `*.test` names to loopback (--host-resolver-rules). A workshop origin names the address.
  // NOTE: a workshop's other-site host name must resolve to this machine for Node too.
  const { hostname } = url;
  const local = hostname === 'localhost' || hostname.endsWith('.localhost') || hostname.endsWith('.test');
  return `${url.protocol}//${local ? listenHost : hostname}:${port}`;
}

function isVariantName(value: string | undefined): value is VariantName {
  return (variantNames as readonly (string | undefined)[]).includes(value);
}

/** Node's fetch() rejects with "fetch failed" and puts the reason, such as ECONNREFUSED, in `cause`. */
function describeError(error: unknown): string {
  if (error instanceof Error && error.cause instanceof Error) return `${String(error)} (${String(error.cause)})`;
  return String(error);
}
