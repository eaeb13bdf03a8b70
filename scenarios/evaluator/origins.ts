/**
 * Origins as the HTML Standard defines them: a tuple (scheme, host, port) that compares by
 * value, or an opaque origin, serialized as `null`, that is same origin with nothing else.
 */

export interface PageOrigin {
  /** ASCII serialization: `http://localhost:5173`, or `null` for an opaque origin. */
  readonly serialized: string;
  readonly opaque: boolean;
}

/** Parses the page origin. Throws when it is not a serialized origin, since that is a caller's mistake. */
export function parsePageOrigin(origin: string): PageOrigin {
  if (origin === 'null') return { serialized: 'null', opaque: true };
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || parsed.origin === 'null' || parsed.origin !== origin) {
    throw new Error(
      `Invalid page origin '${origin}': expected a serialized origin such as 'http://localhost:5173' ` +
        "(scheme, host and port, with no path or trailing slash), or 'null' for an opaque origin.",
    );
  }
  return { serialized: origin, opaque: false };
}

export function isSameOriginWithUrl(origin: PageOrigin, url: URL): boolean {
  return !origin.opaque && url.origin !== 'null' && origin.serialized === url.origin;
}

/** URLs whose origin is opaque, such as `data:` URLs, are same origin with no other URL. */
export function areSameOrigin(a: URL, b: URL): boolean {
  return a.origin !== 'null' && a.origin === b.origin;
}

export function isHttpScheme(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

export function includesCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/** Parses an absolute URL, or returns undefined. */
export function parseUrl(url: string, base?: URL): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}
