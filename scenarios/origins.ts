/**
 * The playground's origins. The app and the APIs sit on different origins on purpose:
 * `app`, `api` and `proxy` share the site `http://localhost` (same-site, cross-origin), while
 * `partner` and `attacker` are `*.localhost` names and so other sites, which changes how cookies behave.
 */

import { loopback, loopbackAddress, originHost, type Network } from './network.ts';

/** Servers that handle scenario requests. */
export type ServerName = 'api' | 'proxy' | 'partner';

/**
 * Every origin the playground serves: the learner's app, the servers, and an attacker's site that
 * serves only pages, from which security scenarios send their requests.
 */
export type OriginName = 'app' | 'attacker' | 'offline' | 'secure' | ServerName;

export type OriginMap = Readonly<Record<OriginName, string>>;

/**
 * The address every server and the Vite dev server listen on outside workshop mode. The origin map
 * names `localhost` and `*.localhost`, which browsers resolve to loopback. Workshop mode listens on the
 * addresses that `network.ts` reads instead.
 */
export const listenHost = loopbackAddress;

export const serverNames: readonly ServerName[] = ['api', 'proxy', 'partner'];

export interface OriginSetting {
  readonly host: string;
  readonly defaultPort: number;
  /** Environment variable that overrides the port. */
  readonly portVariable: string;
  readonly description: string;
  /** Default: `http`. */
  readonly scheme?: 'https';
}

export const originSettings: Readonly<Record<OriginName, OriginSetting>> = {
  app: {
    host: 'localhost',
    defaultPort: 5173,
    portVariable: 'CORS_PLAYGROUND_APP_PORT',
    description: "the learner's app, served by Vite",
  },
  api: {
    host: 'localhost',
    defaultPort: 8001,
    portVariable: 'CORS_PLAYGROUND_API_PORT',
    description: 'the API, same-site with the app but on another origin',
  },
  proxy: {
    host: 'localhost',
    defaultPort: 8002,
    portVariable: 'CORS_PLAYGROUND_PROXY_PORT',
    description: 'a reverse proxy in front of the API',
  },
  partner: {
    host: 'partner.localhost',
    defaultPort: 8003,
    portVariable: 'CORS_PLAYGROUND_PARTNER_PORT',
    description: "a partner's API on another site",
  },
  attacker: {
    host: 'attacker.localhost',
    defaultPort: 8004,
    portVariable: 'CORS_PLAYGROUND_ATTACKER_PORT',
    description: "an attacker's site that tries to read the API's data",
  },
  // No server ever listens here, and `npm start` checks that nothing else does either.
  offline: {
    host: 'localhost',
    defaultPort: 8010,
    portVariable: 'CORS_PLAYGROUND_OFFLINE_PORT',
    description: 'a port where no server listens, as when the API is down',
  },
  // The API over https with the playground's own certificate, under .test names that Chromium maps to
  // loopback with --host-resolver-rules (npm run browser), because mixed content spares localhost.
  secure: {
    host: 'app.test',
    defaultPort: 8443,
    portVariable: 'CORS_PLAYGROUND_SECURE_PORT',
    description: 'the API over https, for a page at https://app.test and the API at https://api.test',
    scheme: 'https',
  },
};

export type Ports = Readonly<Record<OriginName, number>>;

/**
 * Reads the ports from environment variables, falling back to the defaults.
 * Takes the environment as a plain record so that Node, Vite and the e2e suite can all call it.
 */
export function portsFromEnv(env: Readonly<Record<string, string | undefined>>): Ports {
  const ports = {} as Record<OriginName, number>;
  for (const [name, setting] of Object.entries(originSettings) as [OriginName, OriginSetting][]) {
    ports[name] = parsePort(env[setting.portVariable], setting);
  }
  const seen = new Map<number, OriginName>();
  for (const [name, port] of Object.entries(ports) as [OriginName, number][]) {
    const other = seen.get(port);
    if (other !== undefined) {
      // Name a variable the user set: changing a default they never touched would confuse them.
      const culprit = isSet(env, other) && !isSet(env, name) ? other : name;
      throw new Error(
        `Port ${port} is set for both ${other} and ${name}. Give ${originSettings[culprit].portVariable} a port of its own.`,
      );
    }
    seen.set(port, name);
  }
  return ports;
}

function isSet(env: Readonly<Record<string, string | undefined>>, name: OriginName): boolean {
  const value = env[originSettings[name].portVariable];
  return value !== undefined && value !== '';
}

function parsePort(raw: string | undefined, setting: OriginSetting): number {
  if (raw === undefined || raw === '') return setting.defaultPort;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new Error(
      `Invalid ${setting.portVariable}='${raw}': expected a whole number from 1 to 65535 (default ${setting.defaultPort}).`,
    );
  }
  return port;
}

export function originsFromPorts(ports: Ports, network: Network = loopback): OriginMap {
  const origins = {} as Record<OriginName, string>;
  for (const [name, setting] of Object.entries(originSettings) as [OriginName, OriginSetting][]) {
    origins[name] = `${setting.scheme ?? 'http'}://${originHost(network, name, setting.host)}:${ports[name]}`;
  }
  return origins;
}

/**
 * Replaces `{app}`, `{api}`, `{proxy}`, `{partner}` and `{attacker}` with the serialized origins,
 * `{partner.host}` and the like with that origin's host and port, such as `partner.localhost:8003`, and
 * `{partner.port}` with its port alone. Catalog rows write origins this way so that they stay true when
 * the ports change: a look-alike origin on the partner's port is `http://evil{partner.host}`.
 */
export function fillOrigins(template: string, origins: OriginMap): string {
  return template.replace(
    /\{(app|api|proxy|partner|attacker|offline|secure)(?:\.(host|port))?\}/g,
    (_, name: OriginName, part: 'host' | 'port' | undefined) =>
      part === undefined ? origins[name] : new URL(origins[name])[part],
  );
}
