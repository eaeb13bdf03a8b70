import { originsFromPorts, portsFromEnv, type OriginMap } from '../scenarios/index.ts';

/**
 * The origins this page talks to. Vite injects them from the port variables. Where the constant is not
 * defined (a test runner without vite.config.ts), the default ports apply.
 */
export const origins: OriginMap =
  typeof __CORS_PLAYGROUND_ORIGINS__ === 'undefined' ? originsFromPorts(portsFromEnv({})) : __CORS_PLAYGROUND_ORIGINS__;
