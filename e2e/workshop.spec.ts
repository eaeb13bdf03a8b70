/**
 * Workshop mode, tested on second and third loopback addresses as a room's network stand-in:
 * one instance serves several learners, whose attempts and records stay apart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { fileURLToPath } from 'node:url';

import { networkFromEnv } from '../scenarios/network.ts';
import { originSettings, originsFromPorts, type OriginName, type Ports } from '../scenarios/origins.ts';
import { recordsPath, type TraceRecord } from '../scenarios/records.ts';
import { expect, test } from './fixtures.ts';
import { e2ePorts } from './origins.ts';

/** 500 above the suite's own ports, so that a check on 127.0.0.1 cannot meet the suite's own servers. */
const ports = Object.fromEntries(
  (Object.keys(originSettings) as OriginName[]).map((name) => [name, e2ePorts[name] + 500]),
) as Ports;
const workshopEnv: Record<string, string> = {
  CORS_PLAYGROUND_HOST: '127.0.0.2',
  CORS_PLAYGROUND_OTHER_SITE_HOST: '127.0.0.3',
};
for (const name of Object.keys(originSettings) as OriginName[]) {
  workshopEnv[originSettings[name].portVariable] = String(ports[name]);
}
const origins = originsFromPorts(ports, networkFromEnv(workshopEnv));

let children: ChildProcess[] = [];

/** Starts the servers and Vite in workshop mode, as `npm start` would with the workshop variables. */
async function startWorkshop(): Promise<void> {
  const env = { ...process.env, ...workshopEnv };
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const errors: string[] = [];
  children = [
    spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'] }),
    spawn(process.execPath, [vite, '--mode', 'e2e'], { env, stdio: ['ignore', 'ignore', 'pipe'] }),
  ];
  for (const child of children) child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await Promise.all(
      [`${origins.app}/`, `${origins.api}${recordsPath}/healthcheck`].map((url) =>
        fetch(url, { signal: AbortSignal.timeout(1000) }).then(
          (response) => response.ok,
          () => false,
        ),
      ),
    );
    if (up.every(Boolean)) return;
    if (Date.now() > deadline || children.some((child) => child.exitCode !== null)) {
      throw new Error(`The workshop servers did not start: ${errors.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test.describe('workshop mode', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    await startWorkshop();
  });

  test.afterAll(() => {
    for (const child of children) child.kill('SIGTERM');
  });

  test('listens on the workshop addresses only', async () => {
    for (const name of ['app', 'api', 'proxy', 'partner', 'attacker'] as const) {
      const url = new URL(origins[name]);
      expect(await connects(url.hostname, ports[name]), `${name} on ${url.hostname}`).toBe(true);
      expect(await connects('127.0.0.1', ports[name]), `${name} on 127.0.0.1`).toBe(false);
    }
  });

  test("keeps two learners' attempts and records apart", async ({ browser }) => {
    const learners = await Promise.all([browser.newContext(), browser.newContext()]);
    const traces: string[] = [];
    for (const context of learners) {
      const page = await context.newPage();
      await page.goto(`${origins.app}/#/scenarios/missing-allow-origin/broken`);
      await page.getByRole('button', { name: 'Send request' }).click();
      const attempt = page.getByTestId('attempt');
      await expect(attempt).toHaveAttribute('data-state', 'done');
      await expect(page.getByTestId('console-message')).toContainText(`from origin '${origins.app}'`);
      traces.push((await attempt.getAttribute('data-trace'))!);
    }

    expect(new Set(traces).size).toBe(2);
    for (const trace of traces) {
      const response = await fetch(`${origins.api}${recordsPath}/${trace}`);
      const record = (await response.json()) as TraceRecord;
      // Each learner's trace holds that learner's one GET, and nothing of the other's.
      expect(record.exchanges).toHaveLength(1);
      expect(record.exchanges[0]!.url).toContain(trace);
    }
    await Promise.all(learners.map((context) => context.close()));
  });

  test('puts the partner on another site, at the second address', async ({ page }) => {
    await page.goto(`${origins.app}/#/scenarios/wildcard-with-credentials/broken`);
    await page.getByRole('button', { name: 'Send request' }).click();
    const attempt = page.getByTestId('attempt');
    await expect(attempt).toHaveAttribute('data-state', 'done');
    expect(await attempt.getAttribute('data-url')).toMatch(new RegExp(`^${origins.partner}/`));
    await expect(page.getByTestId('console-message')).toContainText("must not be the wildcard '*'");
  });
});
