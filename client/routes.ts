/**
 * Hash routes: `/#/` is the scenario list, `/#/progress` the course and its progress,
 * `/#/scenarios/<id>/<variant>` a scenario page, and `/#/lab?case=…` the lab with its case. Hash
 * routing keeps every page a deep link while Vite serves one static index.html. A query after the
 * hash route, as in `#/scenarios/<id>/broken?present`, sets options (see `presentation.ts`) and
 * does not change the page.
 */
import { findScenario, variantNames, type Scenario, type VariantName } from '../scenarios/index.ts';

export type Route =
  | { readonly kind: 'list' }
  | { readonly kind: 'progress' }
  /** `query` is the text after `#/lab?`, which holds the lab's case. */
  | { readonly kind: 'lab'; readonly query: string }
  | { readonly kind: 'scenario'; readonly scenario: Scenario; readonly variant: VariantName }
  | { readonly kind: 'unknown-scenario'; readonly id: string }
  | { readonly kind: 'unknown-variant'; readonly scenario: Scenario; readonly variant: string }
  /** `path` is the part of the URL that names no page, as the address bar shows it: `#/elsewhere` or `/elsewhere`. */
  | { readonly kind: 'unknown-path'; readonly path: string };

/** A route, and the URL to show in its place when the page was opened by the path form of a hash route. */
export interface ResolvedLocation {
  readonly route: Route;
  /** The hash-route URL, without the origin, to put in the address bar with `history.replaceState`. */
  readonly replacement?: string;
}

// Links start at the root path, so that they leave a page opened at an unknown path such as /elsewhere.
// On any other page only the hash changes, so following a link fires `hashchange` and reloads nothing.
export const listHref = '/#/';
export const progressHref = '/#/progress';
export const labHref = '/#/lab';

export function scenarioHref(id: string, variant: VariantName): string {
  return `/#/scenarios/${encodeURIComponent(id)}/${variant}`;
}

/**
 * Resolves the page's URL. At `/` or `/index.html` the hash names the page. A path of the hash route's
 * form, `/scenarios/<id>/<variant>`, resolves like that hash route, because Vite serves index.html for
 * unknown paths and such links are easy to type without the `#`. Any other path names no page.
 */
export function resolveLocation({
  pathname,
  search,
  hash,
}: Pick<Location, 'pathname' | 'search' | 'hash'>): ResolvedLocation {
  const path = pathname.replace(/\/+$/, '');
  if (path === '' || path === '/index.html') return { route: parseRoute(hash) };

  // ['', 'scenarios', id] or ['', 'scenarios', id, variant], the forms that parseRoute accepts.
  const segments = path.split('/');
  if (segments[1] === 'scenarios' && segments.length >= 3 && segments.length <= 4) {
    const hashRoute = `#${path}`;
    return { route: parseRoute(hashRoute), replacement: `/${search}${hashRoute}` };
  }
  return { route: { kind: 'unknown-path', path: pathname } };
}

/** Parses `location.hash`. An empty hash is the list, and a trailing slash and a query are ignored. */
export function parseRoute(hash: string): Route {
  const path = hashPath(hash).replace(/\/+$/, '');
  if (path === '') return { kind: 'list' };
  if (path === '/progress') return { kind: 'progress' };
  if (path === '/lab') return { kind: 'lab', query: hash.replace(/^[^?]*\??/, '') };

  const segments = path.split('/').slice(1).map(decodeSegment);
  if (path.startsWith('/') && segments[0] === 'scenarios' && segments.length >= 2 && segments.length <= 3) {
    const id = segments[1] ?? '';
    const scenario = findScenario(id);
    if (scenario === undefined) return { kind: 'unknown-scenario', id };

    const variant = segments[2] ?? '';
    if (!isVariantName(variant)) return { kind: 'unknown-variant', scenario, variant };
    return { kind: 'scenario', scenario, variant };
  }
  return { kind: 'unknown-path', path: `#${path}` };
}

/** Returns the hash without its `#` and without the query that follows the route. */
export function hashPath(hash: string): string {
  return hash.replace(/^#/, '').replace(/\?.*$/, '');
}

function isVariantName(value: string): value is VariantName {
  return (variantNames as readonly string[]).includes(value);
}

/** Decodes a percent-encoded segment, keeping it as typed when the encoding is malformed. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
