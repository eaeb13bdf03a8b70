import { describe, expect, it } from 'vitest';

import { fillOrigins, originsFromPorts, portsFromEnv, type OriginMap } from './origins.ts';

describe('portsFromEnv', () => {
  it('defaults without variables', () => {
    expect(portsFromEnv({})).toEqual({
      app: 5173,
      api: 8001,
      proxy: 8002,
      partner: 8003,
      attacker: 8004,
      offline: 8010,
      secure: 8443,
    });
  });

  it('treats empty value as unset', () => {
    expect(portsFromEnv({ CORS_PLAYGROUND_API_PORT: '' }).api).toBe(8001);
  });

  it('variable overrides one port', () => {
    const ports = portsFromEnv({ CORS_PLAYGROUND_API_PORT: '9001' });

    expect(ports.api).toBe(9001);
    expect(ports.app).toBe(5173);
    expect(ports.proxy).toBe(8002);
    expect(ports.partner).toBe(8003);
  });

  it('reads every port variable', () => {
    const ports = portsFromEnv({
      CORS_PLAYGROUND_APP_PORT: '3000',
      CORS_PLAYGROUND_API_PORT: '3001',
      CORS_PLAYGROUND_PROXY_PORT: '3002',
      CORS_PLAYGROUND_PARTNER_PORT: '3003',
      CORS_PLAYGROUND_ATTACKER_PORT: '3004',
      CORS_PLAYGROUND_OFFLINE_PORT: '3005',
      CORS_PLAYGROUND_SECURE_PORT: '3006',
    });

    expect(ports).toEqual({
      app: 3000,
      api: 3001,
      proxy: 3002,
      partner: 3003,
      attacker: 3004,
      offline: 3005,
      secure: 3006,
    });
  });

  it('accepts the port range ends', () => {
    expect(portsFromEnv({ CORS_PLAYGROUND_PROXY_PORT: '1' }).proxy).toBe(1);
    expect(portsFromEnv({ CORS_PLAYGROUND_PROXY_PORT: '65535' }).proxy).toBe(65535);
  });

  // Ports are whole numbers from 1 to 65535, written in plain decimal digits.
  it.each(['abc', '0', '70000', '80.5', '-1', ' 8001', '0x1f41', '8e3'])('rejects port %j', (value) => {
    const read = () => portsFromEnv({ CORS_PLAYGROUND_API_PORT: value });

    expect(read).toThrow('CORS_PLAYGROUND_API_PORT');
    expect(read).toThrow(`'${value}'`);
  });

  it('rejects duplicate port', () => {
    const read = () => portsFromEnv({ CORS_PLAYGROUND_API_PORT: '5173' });

    expect(read).toThrow('Port 5173');
    expect(read).toThrow('Give CORS_PLAYGROUND_API_PORT a port of its own');
  });

  it('rejects two overrides colliding', () => {
    const read = () => portsFromEnv({ CORS_PLAYGROUND_PROXY_PORT: '9000', CORS_PLAYGROUND_PARTNER_PORT: '9000' });

    expect(read).toThrow('Port 9000');
    expect(read).toThrow('Give CORS_PLAYGROUND_PARTNER_PORT a port of its own');
  });

  // NOTE: portsFromEnv names the later origin in declaration order (app, api, proxy, partner), so when
  // CORS_PLAYGROUND_APP_PORT alone is moved onto the api's default port, the message points at
  // CORS_PLAYGROUND_API_PORT, a variable the user never set. Remove `.fails` once the message names
  // the variable that was set.
  it('names the variable actually set', () => {
    expect(() => portsFromEnv({ CORS_PLAYGROUND_APP_PORT: '8001' })).toThrow(
      'Give CORS_PLAYGROUND_APP_PORT a port of its own',
    );
  });
});

describe('originsFromPorts', () => {
  it('serializes default origins', () => {
    expect(originsFromPorts(portsFromEnv({}))).toEqual({
      app: 'http://localhost:5173',
      api: 'http://localhost:8001',
      proxy: 'http://localhost:8002',
      partner: 'http://partner.localhost:8003',
      attacker: 'http://attacker.localhost:8004',
      offline: 'http://localhost:8010',
      secure: 'https://app.test:8443',
    });
  });

  it('follows overridden ports', () => {
    const origins = originsFromPorts(portsFromEnv({ CORS_PLAYGROUND_PARTNER_PORT: '9003' }));

    expect(origins.partner).toBe('http://partner.localhost:9003');
  });
});

describe('fillOrigins', () => {
  const origins: OriginMap = {
    app: 'http://app.test:1',
    api: 'http://api.test:2',
    proxy: 'http://proxy.test:3',
    partner: 'http://partner.test:4',
    attacker: 'http://attacker.test:5',
    offline: 'http://offline.test:6',
    secure: 'https://secure.test:7',
  };

  const cases: readonly (readonly [template: string, expected: string])[] = [
    ['{app} calls {api}', 'http://app.test:1 calls http://api.test:2'],
    ['{proxy} and {partner}', 'http://proxy.test:3 and http://partner.test:4'],
    ['{attacker} reads {api}', 'http://attacker.test:5 reads http://api.test:2'],
    ['{app}, {app}', 'http://app.test:1, http://app.test:1'],
    ['{app}/', 'http://app.test:1/'],
    ['no placeholders', 'no placeholders'],
    ['{unknown} stays', '{unknown} stays'],
    ['{APP} is case-sensitive', '{APP} is case-sensitive'],
    ['{"item":"notebook"}', '{"item":"notebook"}'],
    ['http://evil{partner.host}', 'http://evilpartner.test:4'],
    ['{app.host} of {app}', 'app.test:1 of http://app.test:1'],
    ['http://localhost:{attacker.port}', 'http://localhost:5'],
    ['{partner.path} stays', '{partner.path} stays'],
  ];

  it.each(cases)('fills %j', (template, expected) => {
    expect(fillOrigins(template, origins)).toBe(expected);
  });
});
