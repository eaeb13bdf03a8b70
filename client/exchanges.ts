/**
 * Reads the servers' records against the catalog: which exchange is the preflight, which header or
 * status the browser rejected, and how far the attempt got on each server.
 */
import type { ExchangeRole, Fault, ServerName } from '../scenarios/index.ts';
import type { RecordedExchange } from '../scenarios/records.ts';

/** Request headers that the browser sets for CORS, and that the server's CORS decision reads. */
export const corsRequestHeaders: readonly string[] = [
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
];

export interface HeaderRow {
  readonly name: string;
  /** Absent when the row marks a header that the response lacks. */
  readonly value?: string;
  /** Whether the browser rejected the response because of this header. */
  readonly fault: boolean;
  /** Whether the browser sets this header for CORS. */
  readonly cors: boolean;
}

/** How far one attempt got on one server. */
export type ServerReach = 'nothing' | 'preflight-only' | 'actual-only' | 'preflight-and-actual';

export interface ServerSummary {
  readonly server: ServerName;
  readonly reach: ServerReach;
}

// NOTE: a request whose own method is OPTIONS would count as a preflight here. No scenario sends one.
export function exchangeRole(exchange: Pick<RecordedExchange, 'method'>): ExchangeRole {
  return exchange.method.toUpperCase() === 'OPTIONS' ? 'preflight' : 'actual';
}

/**
 * Finds the exchange whose response has the fault. When several exchanges have the fault's role, as when a
 * proxy relays the request to the API, it picks the one on the request's target, because the browser read that response.
 */
export function findFaultExchange(
  exchanges: readonly RecordedExchange[],
  fault: Fault,
  target: ServerName,
): RecordedExchange | undefined {
  const candidates = exchanges.filter((exchange) => exchangeRole(exchange) === fault.exchange);
  return candidates.find((exchange) => exchange.server === target) ?? candidates[0];
}

export function requestHeaderRows(exchange: RecordedExchange): HeaderRow[] {
  return exchange.requestHeaders.map(([name, value]) => ({
    name,
    value,
    fault: false,
    cors: corsRequestHeaders.includes(name.toLowerCase()),
  }));
}

/**
 * Lists the response headers, marking every line of the faulty header. When the response lacks that
 * header, a row without a value is added for it at the end.
 */
export function responseHeaderRows(exchange: RecordedExchange, faultHeader?: string): HeaderRow[] {
  const faultName = faultHeader?.toLowerCase();
  const rows: HeaderRow[] = exchange.responseHeaders.map(([name, value]) => ({
    name,
    value,
    fault: name.toLowerCase() === faultName,
    cors: false,
  }));
  if (faultHeader !== undefined && !rows.some((row) => row.fault)) {
    rows.push({ name: faultHeader, fault: true, cors: false });
  }
  return rows;
}

/** Summarizes each server's exchanges, keeping the order of `servers`. */
export function summarizeServers(
  exchanges: readonly RecordedExchange[],
  servers: readonly ServerName[],
): ServerSummary[] {
  return servers.map((server) => {
    const roles = exchanges.filter((exchange) => exchange.server === server).map(exchangeRole);
    return { server, reach: reachOf(roles.includes('preflight'), roles.includes('actual')) };
  });
}

function reachOf(preflight: boolean, actual: boolean): ServerReach {
  if (preflight) return actual ? 'preflight-and-actual' : 'preflight-only';
  return actual ? 'actual-only' : 'nothing';
}
