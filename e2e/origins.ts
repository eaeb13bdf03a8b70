import { originSettings, originsFromPorts, type OriginName, type Ports } from '../scenarios/origins.ts';

/**
 * The e2e suite runs its own servers on ports 10000 above the defaults, so that it never meets,
 * or is blocked by, a playground that a developer started with `npm start`.
 */
export const e2ePorts: Ports = {
  app: originSettings.app.defaultPort + 10000,
  api: originSettings.api.defaultPort + 10000,
  proxy: originSettings.proxy.defaultPort + 10000,
  partner: originSettings.partner.defaultPort + 10000,
};

export const e2eOrigins = originsFromPorts(e2ePorts);

/** Returns the environment that makes `npm start`'s servers use the e2e ports. */
export function e2eEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of Object.keys(originSettings) as OriginName[]) {
    env[originSettings[name].portVariable] = String(e2ePorts[name]);
  }
  return env;
}
