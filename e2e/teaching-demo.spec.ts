import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { expect, test } from '@playwright/test';

import { originSettings } from '../scenarios/origins.ts';
import { e2eEnvironment, e2ePorts } from './origins.ts';

const run = promisify(execFile);

/** Runs `scripts/demo.ts` as `npm run demo` does, and returns its exit code and output. */
async function demo(args: readonly string[], env: Record<string, string | undefined> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', ...args], {
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

test('headless demo plays against running servers', async () => {
  test.setTimeout(120_000);

  const result = await demo(['--headless', 'missing-allow-origin', 'preflight-unauthorized'], e2eEnvironment());

  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('Using the playground running at');
  expect(result.stdout.match(/^ {2}PASS (broken|fixed):/gm)).toHaveLength(4);
  expect(result.stdout).toContain('PASS broken: JavaScript saw it blocked.');
  expect(result.stdout).toContain('All 4 attempts behaved as the catalog expects.');
});

test('headless demo starts its own servers', async () => {
  test.setTimeout(120_000);
  // Ports 1000 above the suite's own, so this never meets the suite's servers or another suite's.
  const offset = e2ePorts.app - originSettings.app.defaultPort + 1000;
  // Point the demo at ports where nothing listens, so that it starts its own playground.
  const nowhere = Object.fromEntries(
    Object.values(originSettings).map((setting) => [setting.portVariable, String(setting.defaultPort + offset + 500)]),
  );

  const result = await demo(['--headless', '--port-offset', String(offset), 'missing-allow-origin'], nowhere);

  expect(result.code, result.stderr).toBe(0);
  // The demo moves up in steps of 100 when another playground holds these ports.
  const port = Number(/Started the playground at http:\/\/localhost:(\d+)\./.exec(result.stdout)?.[1]);
  expect((port - originSettings.app.defaultPort - offset) % 100).toBe(0);
  expect(port).toBeGreaterThanOrEqual(originSettings.app.defaultPort + offset);
  expect(result.stdout).toContain('All 2 attempts behaved as the catalog expects.');
});

test('headed demo without a display says so', async () => {
  const result = await demo(['missing-allow-origin'], { DISPLAY: '', WAYLAND_DISPLAY: '' });

  expect(result.code).toBe(2);
  expect(result.stderr).toContain('$DISPLAY is not set');
  expect(result.stderr).toContain('--headless');
});

test('unknown scenario lists valid ids', async () => {
  const result = await demo(['--headless', 'no-such-scenario']);

  expect(result.code).toBe(2);
  expect(result.stderr).toContain("Unknown scenario 'no-such-scenario'");
  expect(result.stderr).toContain('missing-allow-origin');
});
