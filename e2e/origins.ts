import { originSettings, originsFromPorts, type OriginName, type Ports } from '../scenarios/origins.ts';

/**
 * The e2e suite runs its own servers on ports 10000 above the defaults, so that it never meets,
 * or is blocked by, a playground that a developer started with `npm start`.
 * `CORS_PLAYGROUND_E2E_PORT_OFFSET` moves them, so that two suites can run on one machine.
 */
const offset = portOffset(process.env.CORS_PLAYGROUND_E2E_PORT_OFFSET);

export const e2ePorts: Ports = Object.fromEntries(
  (Object.keys(originSettings) as OriginName[]).map((name) => [name, originSettings[name].defaultPort + offset]),
) as Record<OriginName, number>;

function portOffset(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 10000;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 50000) {
    throw new Error(
      `Invalid CORS_PLAYGROUND_E2E_PORT_OFFSET='${raw}': expected a whole number from 1 to 50000 (default 10000).`,
    );
  }
  return value;
}

export const e2eOrigins = originsFromPorts(e2ePorts);

/** Returns the environment that makes `npm start`'s servers use the e2e ports. */
export function e2eEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of Object.keys(originSettings) as OriginName[]) {
    env[originSettings[name].portVariable] = String(e2ePorts[name]);
  }
  return env;
}
