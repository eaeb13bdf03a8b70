/** The origin a scenario's request goes to. */
import { fillOrigins, type OriginMap } from './origins.ts';
import type { RequestSpec } from './types.ts';

/**
 * Returns the origin the request is sent to: its `targetOrigin` when set, the `offline` port's when it sets
 * `offline`, and its target's otherwise.
 */
export function requestOrigin(
  request: Pick<RequestSpec, 'target' | 'offline' | 'targetOrigin'>,
  origins: OriginMap,
): string {
  if (request.targetOrigin !== undefined) return fillOrigins(request.targetOrigin, origins);
  return request.offline === true ? origins.offline : origins[request.target];
}

/**
 * Returns the origins to read a variant's records by. The records name the server, not the origin the
 * request used, so under `targetOrigin` the target's server is found at that origin instead of its own.
 */
export function recordOrigins(
  request: Pick<RequestSpec, 'target' | 'offline' | 'targetOrigin'>,
  origins: OriginMap,
): OriginMap {
  return { ...origins, [request.target]: requestOrigin(request, origins) };
}
