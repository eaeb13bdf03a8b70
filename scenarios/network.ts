/**
 * Where the playground listens, and so which hosts its origins name.
 *
 * By default every server listens on loopback, and the origins name `localhost` and `*.localhost`,
 * which Chromium resolves to loopback with no setup. Those names only work on the learner's own
 * machine. In workshop mode an instructor serves one instance to a room, so the origins name the
 * addresses the learners type: `CORS_PLAYGROUND_HOST` for the app and its APIs, and optionally
 * `CORS_PLAYGROUND_OTHER_SITE_HOST`, a second name or address of the same machine, for the partner's and
 * the attacker's sites. Two different IP addresses, or an address and a host name, are different
 * sites, as `localhost` and `partner.localhost` are.
 */
import type { OriginName } from './origins.ts';

export const hostVariable = 'CORS_PLAYGROUND_HOST';
export const otherSiteHostVariable = 'CORS_PLAYGROUND_OTHER_SITE_HOST';

/** The loopback address that every server listens on outside workshop mode. */
export const loopbackAddress = '127.0.0.1';

export type Network =
  | { readonly kind: 'loopback' }
  | {
      readonly kind: 'workshop';
      /** The IPv4 address that the app, the API and the proxy listen on and that their origins name. */
      readonly host: string;
      /** Another name or address of the same machine for the other sites, or none, so they share the host's site. */
      readonly otherSiteHost?: string;
    };

export const loopback: Network = { kind: 'loopback' };

/** Origins that must sit on another site than the app: cookies and the security scenarios depend on it. */
const otherSiteOrigins: ReadonlySet<OriginName> = new Set<OriginName>(['partner', 'attacker']);

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Reads the workshop variables. Throws an error that names the variable, the value and what to set. */
export function networkFromEnv(env: Readonly<Record<string, string | undefined>>): Network {
  const host = env[hostVariable] ?? '';
  const otherSiteHost = env[otherSiteHostVariable] ?? '';
  if (host === '') {
    if (otherSiteHost !== '') {
      throw new Error(
        `${otherSiteHostVariable} is set, but ${hostVariable} is not. Set ${hostVariable} to the address learners will open, such as 192.168.1.10, or unset both to stay on loopback.`,
      );
    }
    return loopback;
  }
  if (!ipv4.test(host) || host === '0.0.0.0') {
    throw new Error(
      `Invalid ${hostVariable}='${host}': expected the IPv4 address of this machine that learners will open, such as 192.168.1.10. ` +
        'It is the one address the servers listen on, so 0.0.0.0 and host names are not accepted.',
    );
  }
  if (otherSiteHost === '') return { kind: 'workshop', host };
  const lowered = otherSiteHost.toLowerCase();
  if ((!ipv4.test(lowered) && !hostName.test(lowered)) || lowered === '0.0.0.0') {
    throw new Error(
      `Invalid ${otherSiteHostVariable}='${otherSiteHost}': expected another IPv4 address or host name of this machine, such as 192.168.1.11 or my-laptop.local.`,
    );
  }
  if (lowered === host) {
    throw new Error(
      `${otherSiteHostVariable} equals ${hostVariable} (${host}). Give it another address or name of this machine, or unset it.`,
    );
  }
  return { kind: 'workshop', host, otherSiteHost: lowered };
}

/** Returns the host that an origin names: its loopback name, or in workshop mode the address learners open. */
export function originHost(network: Network, name: OriginName, loopbackName: string): string {
  if (network.kind === 'loopback') return loopbackName;
  return otherSiteOrigins.has(name) && network.otherSiteHost !== undefined ? network.otherSiteHost : network.host;
}

/**
 * Returns the address an origin's server listens on. A host name for the other sites must resolve to this
 * machine, so their servers listen on the main address unless the other site is an address itself.
 */
export function listenAddress(network: Network, name: OriginName): string {
  if (network.kind === 'loopback') return loopbackAddress;
  const other = network.otherSiteHost;
  return otherSiteOrigins.has(name) && other !== undefined && ipv4.test(other) ? other : network.host;
}

/** Lists what the instructor must know before learners connect, or nothing on loopback. */
export function workshopWarnings(network: Network): string[] {
  if (network.kind === 'loopback') return [];
  const warnings = [
    `Workshop mode: serving on ${network.host}. Every scenario's deliberately misconfigured endpoints, ` +
      'the attacker page among them, and the lab, which answers with whatever headers its URL composes, are ' +
      'reachable by anyone on this network. Use it on a network you trust, and stop it after the workshop.',
  ];
  if (network.otherSiteHost === undefined) {
    warnings.push(
      `${otherSiteHostVariable} is not set, so the partner and the attacker share the app's site. Scenarios about ` +
        'cross-site cookies and the attacker behave as same-site. Set it to a second address or name of this machine.',
    );
  }
  return warnings;
}
