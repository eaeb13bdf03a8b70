/**
 * The servers' record of what they received and sent, as the records endpoint returns it.
 * Every scenario server records each request that carries a `trace` query parameter.
 */
import type { ServerName } from './origins.ts';

/** Query parameter that tags a request with its attempt. A header would itself trigger a preflight. */
export const traceParameter = 'trace';

/** Trace ids are 8 to 64 URL-safe characters, so they pass through URLs and logs unescaped. */
export const tracePattern = /^[A-Za-z0-9_-]{8,64}$/;

/** Path of the records endpoint on the `api` server; the trace id follows it. */
export const recordsPath = '/__playground/records';

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

/** Creates a trace id from 16 random bytes. Uses getRandomValues, which works outside secure contexts too. */
export function newTraceId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
