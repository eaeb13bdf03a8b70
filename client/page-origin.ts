/**
 * Checks that the page is open at the app origin that the servers allow. `localhost` and `127.0.0.1` reach
 * the same Vite server, but they are different origins, so the servers' allowlists reject the other one.
 */

/** A page opened at another origin than the app origin, and where to open it instead. */
export interface OriginMismatch {
  /** The origin the page is open at. */
  readonly actual: string;
  /** The app origin that the servers allow. */
  readonly expected: string;
  /** The same path, query and hash at the expected origin. */
  readonly href: string;
}

type PageLocation = Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>;

/** Compares the page's origin with the app origin, and returns undefined when they are the same. */
export function findOriginMismatch(page: PageLocation, appOrigin: string): OriginMismatch | undefined {
  // Serializing through URL lowercases the host and drops a default port, as `location.origin` does.
  const expected = new URL(appOrigin).origin;
  if (page.origin === expected) return undefined;
  return { actual: page.origin, expected, href: `${expected}${page.pathname}${page.search}${page.hash}` };
}
