import { describe, expect, test } from 'vitest';

import { missingDisplay, parseDemoArgs } from './demo-args.ts';

describe('parseDemoArgs', () => {
  test('defaults for a headed run', () => {
    const options = parseDemoArgs(['missing-allow-origin']);

    expect(options).toMatchObject({ headless: false, paceMs: 2000, portOffset: 20000 });
  });

  test('headless runs without pauses', () => {
    expect(parseDemoArgs(['--headless', 'missing-allow-origin'])).toMatchObject({ headless: true, paceMs: 0 });
  });

  test('pace in seconds', () => {
    expect(parseDemoArgs(['--pace', '0.5', 'missing-allow-origin'])).toMatchObject({ paceMs: 500 });
  });

  test('scenarios in the given order', () => {
    const options = parseDemoArgs(['preflight-redirect', 'missing-allow-origin']);

    expect('scenarios' in options && options.scenarios.map((scenario) => scenario.id)).toEqual([
      'preflight-redirect',
      'missing-allow-origin',
    ]);
  });

  test.each([
    [[], 'Name at least one scenario'],
    [['nope'], "Unknown scenario 'nope'"],
    [['--pace', '-1', 'missing-allow-origin'], "Invalid --pace '-1'"],
    [['--pace'], "Invalid --pace ''"],
    [['--port-offset', '1.5', 'missing-allow-origin'], "Invalid --port-offset '1.5'"],
    [['--fast', 'missing-allow-origin'], "Unknown option '--fast'"],
  ])('%j is rejected', (args, message) => {
    const result = parseDemoArgs(args);

    expect('error' in result && result.error).toContain(message);
  });
});

describe('missingDisplay', () => {
  test('linux without DISPLAY', () => {
    expect(missingDisplay({}, 'linux')).toContain('--headless');
  });

  test('linux with DISPLAY', () => {
    expect(missingDisplay({ DISPLAY: ':0' }, 'linux')).toBeUndefined();
  });

  test('wayland only', () => {
    expect(missingDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
  });

  test('macOS needs no DISPLAY', () => {
    expect(missingDisplay({}, 'darwin')).toBeUndefined();
  });
});
