import type { OriginMap } from '../scenarios/origins.ts';

declare global {
  /** The playground's origins, injected by `define` in vite.config.ts from the port variables. */
  const __CORS_PLAYGROUND_ORIGINS__: OriginMap;
}
