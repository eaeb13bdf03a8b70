/**
 * The CORS-preflight cache (https://fetch.spec.whatwg.org/#cors-preflight-cache): after a
 * successful preflight the browser stores one entry per allowed method and header name, keyed
 * by the serialized request origin, the URL and the credentials flag, for max-age seconds.
 *
 * NOTE: Chromium keeps one result per origin and URL and replaces it on each preflight, while
 * the standard adds entries. The two differ only when successive preflights allow different
 * methods or headers for the same URL.
 */
import type { Conformance } from './preflight.ts';

/** Whose max-age limits apply. */
export type CachePolicy = 'chromium' | 'firefox' | 'standard';

/** Used when Access-Control-Max-Age is absent or does not parse, by the standard and all three browsers. */
export const defaultMaxAgeSeconds = 5;

/**
 * Upper limits on max-age: Chromium `kMaxTimeout` in `services/network/cors/preflight_result.cc`
 * (2 hours), Firefox in `nsCORSListenerProxy.cpp` (24 hours). The standard leaves the limit to
 * the user agent.
 */
export const maxAgeCapSeconds: Readonly<Record<CachePolicy, number | undefined>> = {
  chromium: 7200,
  firefox: 86400,
  standard: undefined,
};

/**
 * Parses Access-Control-Max-Age into seconds. The standard's syntax is delta-seconds (digits
 * only), so `-1` fails and gives the default. Chromium parses a signed integer and turns a
 * negative value into 0, which disables caching.
 * NOTE: Firefox's handling of a negative value was not checked; it is treated as the standard's.
 */
export function parseMaxAge(value: string | undefined, policy: CachePolicy): number {
  if (value === undefined) return defaultMaxAgeSeconds;
  const pattern = policy === 'chromium' ? /^-?\d+$/ : /^\d+$/;
  if (!pattern.test(value)) return defaultMaxAgeSeconds;
  const seconds = Math.max(Number(value), 0);
  const cap = maxAgeCapSeconds[policy];
  return cap === undefined ? seconds : Math.min(seconds, cap);
}

/** The key of a cache entry. */
export interface CacheKey {
  /** Serialized request origin; `null` after a tainting redirect. */
  readonly origin: string;
  readonly url: string;
  /** Whether the request's credentials mode is `include`. */
  readonly credentials: boolean;
}

export interface CacheEntry extends CacheKey {
  /** An allowed method, `*`, or null for a header-name entry. */
  readonly method: string | null;
  /** An allowed header name, lowercased, `*`, or null for a method entry. */
  readonly headerName: string | null;
  /** Milliseconds since the epoch, on the clock passed as `now`. */
  readonly expiresAt: number;
}

export class PreflightCache {
  private entries: CacheEntry[] = [];

  constructor(readonly policy: CachePolicy = 'chromium') {}

  /** Entries that have not expired at `now`. */
  list(now: number): readonly CacheEntry[] {
    return this.entries.filter((entry) => entry.expiresAt > now);
  }

  /** Returns whether an entry lets `method` skip the preflight. `*` entries exist only without credentials. */
  hasMethodMatch(key: CacheKey, method: string, now: number): boolean {
    return this.list(now).some(
      (entry) => matchesKey(entry, key) && (entry.method === method || (entry.method === '*' && !key.credentials)),
    );
  }

  /**
   * Returns whether an entry covers the header name. Under the standard a `*` entry never covers
   * `Authorization`, but Chromium 156 lets it, as its preflight check does.
   */
  hasHeaderMatch(key: CacheKey, name: string, now: number, conformance: Conformance): boolean {
    const lower = name.toLowerCase();
    return this.list(now).some((entry) => {
      if (!matchesKey(entry, key)) return false;
      if (entry.headerName === lower) return true;
      return (
        entry.headerName === '*' && !key.credentials && (lower !== 'authorization' || conformance === 'chromium-156')
      );
    });
  }

  /** Adds or refreshes entries after a successful preflight. */
  store(
    key: CacheKey,
    methods: readonly string[],
    headerNames: readonly string[],
    maxAge: string | undefined,
    now: number,
  ): void {
    const expiresAt = now + parseMaxAge(maxAge, this.policy) * 1000;
    // With credentials `*` is a literal name, never a wildcard, so it is not worth an entry.
    const keep = (item: string): boolean => !(key.credentials && item === '*');
    for (const method of methods.filter(keep)) {
      this.replace({ ...key, method, headerName: null, expiresAt });
    }
    for (const name of headerNames.filter(keep)) {
      this.replace({ ...key, method: null, headerName: name.toLowerCase(), expiresAt });
    }
  }

  /** Removes the entries for an origin and URL, as the standard does after a failed preflighted fetch. */
  clear(key: Pick<CacheKey, 'origin' | 'url'>): void {
    this.entries = this.entries.filter((entry) => entry.origin !== key.origin || entry.url !== key.url);
  }

  clone(): PreflightCache {
    const copy = new PreflightCache(this.policy);
    copy.entries = [...this.entries];
    return copy;
  }

  private replace(entry: CacheEntry): void {
    this.entries = this.entries.filter(
      (existing) =>
        !(
          existing.origin === entry.origin &&
          existing.url === entry.url &&
          existing.credentials === entry.credentials &&
          existing.method === entry.method &&
          existing.headerName === entry.headerName
        ),
    );
    this.entries.push(entry);
  }
}

/** Matches an entry stored with credentials to requests with or without them, and one stored without only to requests without. */
function matchesKey(entry: CacheEntry, key: CacheKey): boolean {
  return entry.origin === key.origin && entry.url === key.url && (entry.credentials || !key.credentials);
}
