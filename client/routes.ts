/**
 * Hash routes: `#/` is the scenario list and `#/scenarios/<id>/<variant>` a scenario page.
 * Hash routing keeps every page a deep link while Vite serves one static index.html.
 */
import { findScenario, variantNames, type Scenario, type VariantName } from '../scenarios/index.ts';

export type Route =
  | { readonly kind: 'list' }
  | { readonly kind: 'scenario'; readonly scenario: Scenario; readonly variant: VariantName }
  | { readonly kind: 'unknown-scenario'; readonly id: string }
  | { readonly kind: 'unknown-variant'; readonly scenario: Scenario; readonly variant: string }
  | { readonly kind: 'unknown-path'; readonly path: string };

export const listHref = '#/';

export function scenarioHref(id: string, variant: VariantName): string {
  return `#/scenarios/${encodeURIComponent(id)}/${variant}`;
}

/** Parses `location.hash`. An empty hash is the list, and a trailing slash is ignored. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '') return { kind: 'list' };

  const segments = path.split('/').slice(1).map(decodeSegment);
  if (path.startsWith('/') && segments[0] === 'scenarios' && segments.length >= 2 && segments.length <= 3) {
    const id = segments[1] ?? '';
    const scenario = findScenario(id);
    if (scenario === undefined) return { kind: 'unknown-scenario', id };

    const variant = segments[2] ?? '';
    if (!isVariantName(variant)) return { kind: 'unknown-variant', scenario, variant };
    return { kind: 'scenario', scenario, variant };
  }
  return { kind: 'unknown-path', path };
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
