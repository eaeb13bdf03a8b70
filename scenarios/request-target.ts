/** The origin a scenario's request goes to. */
import type { OriginMap } from './origins.ts';
import type { RequestSpec } from './types.ts';

/** Returns the origin the request is sent to: its target's, or the `offline` port's when the request sets `offline`. */
export function requestOrigin(request: Pick<RequestSpec, 'target' | 'offline'>, origins: OriginMap): string {
  return request.offline === true ? origins.offline : origins[request.target];
}
