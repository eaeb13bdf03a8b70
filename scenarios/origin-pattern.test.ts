import { describe, expect, it } from 'vitest';
import { originAllowed, originPatternCode } from './origin-pattern.ts';
import { originsFromPorts, portsFromEnv } from './origins.ts';
import type { OriginPattern } from './types.ts';

const origins = originsFromPorts(portsFromEnv({}));

// Each row: the pattern, an origin it should pass, and the look-alike that the broken allowlists also pass.
const cases: readonly (readonly [pattern: OriginPattern, origin: string, allowed: boolean])[] = [
  [{ kind: 'any' }, 'http://attacker.localhost:8004', true],
  [{ kind: 'ends-with', text: '{partner.host}' }, 'http://partner.localhost:8003', true],
  [{ kind: 'ends-with', text: '{partner.host}' }, 'http://evilpartner.localhost:8003', true],
  [{ kind: 'ends-with', text: '.{partner.host}' }, 'http://evilpartner.localhost:8003', false],
  [{ kind: 'starts-with', text: 'http://localhost' }, 'http://localhost.attacker.localhost:8004', true],
  [
    { kind: 'regex', source: 'https?://([a-z]+\\.)?partner\\.localhost' },
    'http://partner.localhost.attacker.localhost:8004',
    true,
  ],
  [
    { kind: 'regex', source: '^https?://([a-z]+\\.)?partner\\.localhost(:\\d+)?$' },
    'http://partner.localhost.attacker.localhost:8004',
    false,
  ],
  [
    { kind: 'regex', source: '^https?://([a-z]+\\.)?partner\\.localhost(:\\d+)?$' },
    'http://www.partner.localhost:8003',
    true,
  ],
];

describe('originAllowed', () => {
  it.each(cases)('%j tests %s as %s', (pattern, origin, allowed) => {
    expect(originAllowed(origin, [], pattern, origins)).toBe(allowed);
  });

  it('allows an exact origin without a pattern', () => {
    expect(originAllowed('http://localhost:5173', ['{app}'], undefined, origins)).toBe(true);
  });

  it('rejects a missing Origin even for any', () => {
    expect(originAllowed('', [], { kind: 'any' }, origins)).toBe(false);
  });
});

describe('originPatternCode', () => {
  it.each([
    [{ kind: 'any' }, 'true'],
    [{ kind: 'ends-with', text: '{partner.host}' }, "origin.endsWith('partner.localhost:8003')"],
    [{ kind: 'starts-with', text: "it's" }, "origin.startsWith('it\\'s')"],
    [{ kind: 'regex', source: '^https?://a\\.b$' }, '/^https?:\\/\\/a\\.b$/.test(origin)'],
  ] as const)('renders %j', (pattern, code) => {
    expect(originPatternCode(pattern, origins)).toBe(code);
  });
});
