import { describe, expect, it } from 'vitest';

import { listenAddress, networkFromEnv, workshopWarnings } from './network.ts';
import { originsFromPorts, portsFromEnv } from './origins.ts';

const ports = portsFromEnv({});

describe('networkFromEnv', () => {
  it('stays on loopback without variables', () => {
    expect(networkFromEnv({})).toEqual({ kind: 'loopback' });
    expect(networkFromEnv({ CORS_PLAYGROUND_HOST: '' })).toEqual({ kind: 'loopback' });
  });

  it('reads a workshop host and a second site', () => {
    expect(
      networkFromEnv({ CORS_PLAYGROUND_HOST: '192.168.1.10', CORS_PLAYGROUND_OTHER_SITE_HOST: 'Trainer-Laptop.local' }),
    ).toEqual({ kind: 'workshop', host: '192.168.1.10', otherSiteHost: 'trainer-laptop.local' });
  });

  it.each(['0.0.0.0', 'localhost', '192.168.1', '256.1.1.1', '::1', '10.0.0.1:80', ' 10.0.0.1'])(
    'rejects host %j with the variable and an example',
    (value) => {
      const read = () => networkFromEnv({ CORS_PLAYGROUND_HOST: value });
      expect(read).toThrow(`Invalid CORS_PLAYGROUND_HOST='${value}'`);
      expect(read).toThrow('such as 192.168.1.10');
    },
  );

  it.each(['under_score.local', 'a..b', '0.0.0.0', 'x'.repeat(64)])('rejects other-site host %j', (value) => {
    expect(() => networkFromEnv({ CORS_PLAYGROUND_HOST: '10.0.0.1', CORS_PLAYGROUND_OTHER_SITE_HOST: value })).toThrow(
      `Invalid CORS_PLAYGROUND_OTHER_SITE_HOST='${value}'`,
    );
  });

  it('refuses an other-site host without a host, or equal to it', () => {
    expect(() => networkFromEnv({ CORS_PLAYGROUND_OTHER_SITE_HOST: '10.0.0.2' })).toThrow(
      'CORS_PLAYGROUND_OTHER_SITE_HOST is set, but CORS_PLAYGROUND_HOST is not.',
    );
    expect(() =>
      networkFromEnv({ CORS_PLAYGROUND_HOST: '10.0.0.1', CORS_PLAYGROUND_OTHER_SITE_HOST: '10.0.0.1' }),
    ).toThrow('CORS_PLAYGROUND_OTHER_SITE_HOST equals CORS_PLAYGROUND_HOST (10.0.0.1)');
  });
});

describe('workshop origins', () => {
  const network = networkFromEnv({ CORS_PLAYGROUND_HOST: '127.0.0.2', CORS_PLAYGROUND_OTHER_SITE_HOST: '127.0.0.3' });

  it('name the addresses learners open, with the other sites on the second one', () => {
    const origins = originsFromPorts(ports, network);

    expect(origins.app).toBe('http://127.0.0.2:5173');
    expect(origins.api).toBe('http://127.0.0.2:8001');
    expect(origins.proxy).toBe('http://127.0.0.2:8002');
    expect(origins.partner).toBe('http://127.0.0.3:8003');
    expect(origins.attacker).toBe('http://127.0.0.3:8004');
  });

  it('listen on the address each origin names', () => {
    expect(listenAddress(network, 'api')).toBe('127.0.0.2');
    expect(listenAddress(network, 'partner')).toBe('127.0.0.3');
  });

  it('listen on the main address when the other site is a host name', () => {
    const named = networkFromEnv({ CORS_PLAYGROUND_HOST: '10.0.0.5', CORS_PLAYGROUND_OTHER_SITE_HOST: 'room.local' });

    expect(originsFromPorts(ports, named).partner).toBe('http://room.local:8003');
    expect(listenAddress(named, 'partner')).toBe('10.0.0.5');
  });

  it('warn that the vulnerable endpoints are reachable, and when the sites collapse into one', () => {
    expect(workshopWarnings(network)).toHaveLength(1);
    expect(workshopWarnings(network)[0]).toContain('reachable by anyone on this network');
    expect(workshopWarnings(network)[0]).toContain('the lab');
    const single = networkFromEnv({ CORS_PLAYGROUND_HOST: '10.0.0.5' });
    expect(originsFromPorts(ports, single).partner).toBe('http://10.0.0.5:8003');
    expect(workshopWarnings(single)[1]).toContain('share the app');
    expect(workshopWarnings(networkFromEnv({}))).toEqual([]);
  });

  it('leaves the loopback names alone by default', () => {
    expect(originsFromPorts(ports).partner).toBe('http://partner.localhost:8003');
    expect(listenAddress(networkFromEnv({}), 'partner')).toBe('127.0.0.1');
  });
});
