/**
 * Presenter mode, for talks: a flag and a playlist in the query after the hash route, as in
 * `#/scenarios/preflight-unauthorized/broken?present&playlist=preflight-unauthorized,missing-allow-origin`.
 * `?present` before the hash works too, so that `/?present#/…` also starts it.
 */
import { findScenario, type Scenario, type VariantName } from '../scenarios/index.ts';
import { hashPath } from './routes.ts';

export interface Presentation {
  /** The scenarios to step through, in order. Empty when the URL names none: then the course path is used. */
  readonly playlist: readonly Scenario[];
  /** Playlist ids that name no scenario, so that the presenter can name the ones it left out. */
  readonly unknownIds: readonly string[];
}

/** Reads presenter mode from the URL. Returns undefined when `present` is absent, `0` or `false`. */
export function parsePresentation({ search, hash }: Pick<Location, 'search' | 'hash'>): Presentation | undefined {
  const params = new URLSearchParams(search);
  const hashQuery = hash.replace(/^#/, '').slice(hashPath(hash).length + 1);
  for (const [name, value] of new URLSearchParams(hashQuery)) params.set(name, value);

  const flag = params.get('present');
  if (flag === null || flag === '0' || flag === 'false') return undefined;

  const ids = (params.get('playlist') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const playlist: Scenario[] = [];
  const unknownIds: string[] = [];
  for (const id of ids) {
    const scenario = findScenario(id);
    if (scenario === undefined) unknownIds.push(id);
    else playlist.push(scenario);
  }
  return { playlist, unknownIds };
}

/** Builds the presenter URL of one scenario and variant, keeping the playlist. */
export function presenterHref(id: string, variant: VariantName, playlist: readonly Scenario[]): string {
  const list =
    playlist.length === 0 ? '' : `&playlist=${playlist.map((scenario) => encodeURIComponent(scenario.id)).join(',')}`;
  return `/#/scenarios/${encodeURIComponent(id)}/${variant}?present${list}`;
}
