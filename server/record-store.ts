import type { HeaderPair, RecordedExchange } from '../scenarios/records.ts';

export interface RecordStoreLimits {
  /** Estimated heap bytes of the exchanges kept across all traces before the oldest traces go. */
  readonly maxBytes: number;
  /** Exchanges kept per trace; later ones are counted but not stored. */
  readonly maxExchangesPerTrace: number;
}

/**
 * 16 MiB is enough for about 9,000 typical exchanges (five request and three response headers
 * each), or thousands of attempts. A room of learners sharing one server only ever reads its latest
 * attempts back, so evicting the oldest traces first loses nothing in use.
 */
export const defaultLimits: RecordStoreLimits = { maxBytes: 16 * 1024 * 1024, maxExchangesPerTrace: 32 };

interface Trace {
  readonly exchanges: RecordedExchange[];
  nextSequence: number;
  dropped: number;
  bytes: number;
}

export interface TraceSnapshot {
  readonly exchanges: readonly RecordedExchange[];
  /** Exchanges that arrived after the per-trace limit was reached. */
  readonly dropped: number;
}

/**
 * The servers' shared, bounded, in-memory record of exchanges, keyed by trace id.
 * Traces are evicted oldest first, where age is the time of the trace's latest request.
 */
export class RecordStore {
  readonly #limits: RecordStoreLimits;
  /** Map iteration order is insertion order, so re-inserting a trace on use keeps the oldest first. */
  readonly #traces = new Map<string, Trace>();
  #bytes = 0;

  constructor(limits: RecordStoreLimits = defaultLimits) {
    this.#limits = limits;
  }

  /** Reserves the next arrival sequence number for a request of the trace. */
  nextSequence(traceId: string): number {
    const trace = this.#touch(traceId);
    trace.nextSequence += 1;
    return trace.nextSequence;
  }

  add(traceId: string, exchange: RecordedExchange): void {
    const trace = this.#touch(traceId);
    if (trace.exchanges.length >= this.#limits.maxExchangesPerTrace) {
      trace.dropped += 1;
      return;
    }
    const bytes = estimateExchangeBytes(exchange);
    trace.exchanges.push(exchange);
    trace.bytes += bytes;
    this.#bytes += bytes;
    this.#evict(traceId);
  }

  get(traceId: string): TraceSnapshot {
    const trace = this.#traces.get(traceId);
    if (trace === undefined) return { exchanges: [], dropped: 0 };
    const exchanges = [...trace.exchanges].sort((a, b) => a.sequence - b.sequence);
    return { exchanges, dropped: trace.dropped };
  }

  get traceCount(): number {
    return this.#traces.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  #touch(traceId: string): Trace {
    const trace = this.#traces.get(traceId) ?? { exchanges: [], nextSequence: 0, dropped: 0, bytes: 0 };
    this.#traces.delete(traceId);
    this.#traces.set(traceId, trace);
    return trace;
  }

  /** Drops the oldest traces until the store fits, never the one being written. */
  #evict(currentTraceId: string): void {
    for (const [traceId, trace] of this.#traces) {
      if (this.#bytes <= this.#limits.maxBytes) return;
      if (traceId === currentTraceId) continue;
      this.#traces.delete(traceId);
      this.#bytes -= trace.bytes;
    }
  }
}

/**
 * V8 heap bytes that an exchange takes beyond its characters, measured on Node 20 (x64) by filling
 * a store and comparing heap use before and after garbage collection. The per-header cost (a
 * two-element array and two string objects) dominates when a client sends many short headers, so
 * counting characters alone let such requests use about 45 times the limit.
 */
const exchangeOverheadBytes = 800;
const headerOverheadBytes = 96;

/** Estimates the heap bytes that storing the exchange takes. Header and URL strings are one byte per character. */
export function estimateExchangeBytes(exchange: RecordedExchange): number {
  const headerBytes = (pairs: readonly HeaderPair[]) =>
    pairs.reduce((total, [name, value]) => total + headerOverheadBytes + name.length + value.length, 0);
  return (
    exchangeOverheadBytes +
    exchange.url.length +
    headerBytes(exchange.requestHeaders) +
    headerBytes(exchange.responseHeaders)
  );
}
