/**
 * Wire formats of the playground's own endpoints on the `api` server. The records endpoint returns
 * what the servers received and sent for each request with a `trace` query parameter. The replay
 * endpoint sends a scenario's request without a browser.
 */
import type { ServerName } from './origins.ts';

/** Query parameter that tags a request with its attempt. A header would itself trigger a preflight. */
export const traceParameter = 'trace';

/** Trace ids are 8 to 64 URL-safe characters, so they pass through URLs and logs unescaped. */
export const tracePattern = /^[A-Za-z0-9_-]{8,64}$/;

/** Path prefix of the playground's own endpoints, which no scenario uses. */
export const playgroundPathPrefix = '/__playground';

/** Path of the records endpoint on the `api` server; the trace id follows it. */
export const recordsPath = `${playgroundPathPrefix}/records`;

export type HeaderPair = readonly [name: string, value: string];

export interface RecordedExchange {
  readonly server: ServerName;
  /** Position in the order the trace's requests arrived, across all servers, from 1. */
  readonly sequence: number;
  /** ISO 8601 time of arrival. */
  readonly receivedAt: string;
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  /** Request headers as received, in order, names lowercased. */
  readonly requestHeaders: readonly HeaderPair[];
  readonly status: number;
  /** Response headers as sent, names lowercased. A repeated header appears once per line. */
  readonly responseHeaders: readonly HeaderPair[];
}

export interface TraceRecord {
  readonly trace: string;
  readonly exchanges: readonly RecordedExchange[];
}

/** Path of the replay endpoint on the `api` server, followed by `/<scenario-id>/<variant>`. */
export const replayPath = `${playgroundPathPrefix}/replay`;

/** The replay endpoint's response body. */
export interface ReplayResponse {
  /** The fresh trace id the replayed request carried, so its records never mix with the browser's. */
  readonly trace: string;
  /** The request as sent, with the URL on the target's origin. */
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: readonly HeaderPair[];
    readonly body?: string;
  };
  readonly status: number;
  readonly statusText: string;
  /** Response headers, names lowercased. */
  readonly headers: readonly HeaderPair[];
  /** The response body as text. */
  readonly body: string;
}

/** Creates a trace id from 16 random bytes. Uses getRandomValues, which works outside secure contexts too. */
export function newTraceId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
