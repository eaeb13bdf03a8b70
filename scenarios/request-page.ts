/** The page that sends a scenario's request, and the origin the browser gives that request. */
import { assertNever } from './chromium-messages.ts';
import { fillOrigins, type OriginMap } from './origins.ts';
import type { RequestSpec } from './types.ts';

/**
 * Returns the origin of the page that sends the request: the app's, a frame's, or `null` for a sandboxed
 * frame or a file: page, whose origin is opaque. It is the Origin header the browser sends, and the origin
 * Chromium's console message names.
 */
export function requestPageOrigin(request: Pick<RequestSpec, 'page'>, origins: OriginMap): string {
  const page = request.page ?? { kind: 'app' };
  switch (page.kind) {
    case 'app':
      return origins.app;
    case 'frame':
      return fillOrigins(page.origin, origins);
    case 'sandboxed-frame':
    case 'file':
      return 'null';
    default:
      return assertNever(page);
  }
}
