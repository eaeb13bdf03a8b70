/**
 * A small shared HTTP cache, as a CDN or a caching reverse proxy keeps one (RFC 9111). It covers what the
 * playground teaches: responses are keyed by method and URL, a stored response is reused only while fresh,
 * and `Vary` keeps one copy per value of each request header it names.
 *
 * NOTE: it never revalidates (no conditional requests, no stale responses), ignores the request's own
 * Cache-Control, stores only 200 responses to GET with an explicit `s-maxage` or `max-age`, and uses no
 * heuristic freshness. A response it may not store is passed on untouched.
 */

/** Limits that keep the cache's memory bounded on a server that a room of learners shares. */
export interface CacheLimits {
  /** Stored responses, counting each Vary copy; the least recently used goes first. */
  readonly maxEntries: number;
  /** Body bytes of one response; a larger response is not stored. */
  readonly maxBodyBytes: number;
}

export const defaultCacheLimits: CacheLimits = { maxEntries: 2000, maxBodyBytes: 64 * 1024 };

/** The parts of a request that the cache reads. */
export interface CacheRequest {
  readonly method: string;
  /** Path and query; the whole of it is the key, so each attempt's trace id keeps its entries apart. */
  readonly url: string;
  readonly headers: Headers;
}

interface Entry {
  readonly status: number;
  readonly headers: readonly [string, string][];
  readonly body: ArrayBuffer;
  /** Lowercased names from the response's Vary, with the value each had in the request that stored it. */
  readonly varied: readonly (readonly [string, string | null])[];
  /** Milliseconds on the cache's clock. */
  readonly storedAt: number;
  readonly freshForMs: number;
  /** The Age the response already had when it arrived, in seconds. */
  readonly initialAgeSeconds: number;
}

/** The result of storing a response, with the reason when it was not stored, for the proxy's log. */
export type StoreDecision =
  { readonly stored: true; readonly freshForSeconds: number } | { readonly stored: false; readonly reason: string };

export class SharedCache {
  readonly #limits: CacheLimits;
  readonly #now: () => number;
  /** Key → copies, newest first. A Map iterates in insertion order, so re-inserting on use keeps LRU order. */
  readonly #entries = new Map<string, Entry[]>();
  #count = 0;

  constructor(limits: CacheLimits = defaultCacheLimits, now: () => number = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  get size(): number {
    return this.#count;
  }

  /** Returns a fresh stored response that the request's Vary'd headers select, with its Age, or undefined. */
  lookup(request: CacheRequest): Response | undefined {
    if (request.method !== 'GET') return undefined;
    const key = cacheKey(request);
    const copies = this.#entries.get(key);
    if (copies === undefined) return undefined;

    const now = this.#now();
    const live = copies.filter((entry) => now - entry.storedAt < entry.freshForMs);
    this.#count -= copies.length - live.length;
    const match = live.find((entry) => matchesVary(entry, request.headers));
    this.#entries.delete(key);
    if (live.length > 0) this.#entries.set(key, live);
    if (match === undefined) return undefined;

    const headers = new Headers([...match.headers]);
    const ageSeconds = match.initialAgeSeconds + Math.floor((now - match.storedAt) / 1000);
    headers.set('Age', String(ageSeconds));
    return new Response(match.body.slice(0), { status: match.status, headers });
  }

  /** Stores the response when a shared cache may, reading a copy of its body. */
  async store(request: CacheRequest, response: Response): Promise<StoreDecision> {
    const decision = storability(request, response);
    if (!decision.stored) return decision;
    const body = await response.clone().arrayBuffer();
    if (body.byteLength > this.#limits.maxBodyBytes) {
      return { stored: false, reason: `the body has ${body.byteLength} bytes, more than ${this.#limits.maxBodyBytes}` };
    }

    const varied = varyNames(response.headers).map(
      (name) => [name, normalizeValue(request.headers.get(name))] as const,
    );
    const entry: Entry = {
      status: response.status,
      // RFC 9111, section 3.1: a cache does not keep the headers that describe one connection.
      headers: [...response.headers].filter(([name]) => !connectionHeaders.has(name)),
      body,
      varied,
      storedAt: this.#now(),
      freshForMs: decision.freshForSeconds * 1000,
      initialAgeSeconds: parseSeconds(response.headers.get('Age')) ?? 0,
    };
    const key = cacheKey(request);
    const others = (this.#entries.get(key) ?? []).filter((existing) => !sameVariedValues(existing, entry));
    this.#count -= (this.#entries.get(key)?.length ?? 0) - others.length;
    this.#entries.delete(key);
    this.#entries.set(key, [entry, ...others]);
    this.#count += 1;
    this.#evict();
    return decision;
  }

  /** Drops the least recently used keys until the cache fits. */
  #evict(): void {
    for (const [key, copies] of this.#entries) {
      if (this.#count <= this.#limits.maxEntries) return;
      this.#entries.delete(key);
      this.#count -= copies.length;
    }
  }
}

const connectionHeaders = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function cacheKey(request: CacheRequest): string {
  return `${request.method} ${request.url}`;
}

/**
 * Decides whether a shared cache may store the response (RFC 9111, section 3), and for how long: `s-maxage`
 * wins over `max-age` in a shared cache, and `no-store`, `private` or `Vary: *` forbid storing. A request
 * with Authorization is stored only when the response has `public` or `s-maxage` (section 3.5).
 */
export function storability(request: CacheRequest, response: Response): StoreDecision {
  if (request.method !== 'GET') return { stored: false, reason: `the method is ${request.method}, not GET` };
  if (response.status !== 200) return { stored: false, reason: `the status is ${response.status}, not 200` };

  const directives = parseCacheControl(response.headers.get('Cache-Control'));
  if (directives.has('no-store')) return { stored: false, reason: 'Cache-Control has no-store' };
  if (directives.has('private')) return { stored: false, reason: 'Cache-Control has private' };
  if (varyNames(response.headers).includes('*')) return { stored: false, reason: 'Vary is *' };
  if (request.headers.has('Authorization') && !directives.has('public') && !directives.has('s-maxage')) {
    return { stored: false, reason: 'the request has Authorization, and the response is neither public nor s-maxage' };
  }

  const lifetime = parseSeconds(directives.get('s-maxage')) ?? parseSeconds(directives.get('max-age'));
  if (lifetime === undefined) return { stored: false, reason: 'Cache-Control gives no max-age or s-maxage' };
  if (lifetime === 0) return { stored: false, reason: 'the response is fresh for 0 seconds' };
  return { stored: true, freshForSeconds: lifetime };
}

/** Parses Cache-Control into lowercased directive names and their values, without quotes. */
export function parseCacheControl(value: string | null): Map<string, string | undefined> {
  const directives = new Map<string, string | undefined>();
  for (const part of (value ?? '').split(',')) {
    const [name, ...rest] = part.split('=');
    const directive = name?.trim().toLowerCase();
    if (directive === undefined || directive === '') continue;
    const argument =
      rest.length === 0
        ? undefined
        : rest
            .join('=')
            .trim()
            .replace(/^"(.*)"$/, '$1');
    // RFC 9111, section 4.2.1: when a directive repeats, the first one counts.
    if (!directives.has(directive)) directives.set(directive, argument);
  }
  return directives;
}

/** Lowercased names listed in Vary, across all its lines. */
function varyNames(headers: Headers): string[] {
  return (headers.get('Vary') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

function parseSeconds(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** Trims a header value and collapses its inner whitespace, as RFC 9111, section 4.1 allows before comparing. */
function normalizeValue(value: string | null): string | null {
  return value === null ? null : value.trim().replace(/\s+/g, ' ');
}

function matchesVary(entry: Entry, headers: Headers): boolean {
  return entry.varied.every(([name, value]) => normalizeValue(headers.get(name)) === value);
}

function sameVariedValues(a: Entry, b: Entry): boolean {
  return (
    a.varied.length === b.varied.length &&
    a.varied.every(([name, value], index) => b.varied[index]?.[0] === name && b.varied[index]?.[1] === value)
  );
}
