/**
 * Finds a running playground for `npm run demo`, or starts the servers and the Vite dev server itself,
 * and stops what it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import {
  listenHost,
  originSettings,
  originsFromPorts,
  type OriginMap,
  type OriginName,
  type Ports,
} from '../scenarios/origins.ts';
import { recordsPath } from '../scenarios/records.ts';
import { assertPortFree } from '../server/port-check.ts';

export interface Playground {
  readonly origins: OriginMap;
  /** Whether the demo started the servers, and so must stop them. */
  readonly started: boolean;
  stop(): Promise<void>;
}

const startTimeoutMs = 60_000;

/** Offsets tried after the first one when its ports are taken, 100 apart, as by another playground. */
const offsetAttempts = 20;
const offsetStep = 100;

/** Returns whether the app and the API respond at these origins, as a running `npm start` does. */
export async function isRunning(origins: OriginMap): Promise<boolean> {
  const responses = await Promise.all([
    reachable(`${origins.app}/`),
    reachable(`${origins.api}${recordsPath}/healthcheck`),
  ]);
  return responses.every(Boolean);
}

/**
 * Starts the servers and Vite on the default ports plus the first offset from `firstOffset` on, in steps of
 * 100, at which every port is free.
 */
export async function startPlayground(firstOffset: number): Promise<Playground> {
  const names = Object.keys(originSettings) as OriginName[];
  const ports = await findFreePorts(names, firstOffset);

  const env = { ...process.env };
  for (const name of names) env[originSettings[name].portVariable] = String(ports[name]);
  const origins = originsFromPorts(ports);

  // Node runs tsx and Vite directly, without npm or npx in between, so that stopping a child stops its server.
  const require = createRequire(import.meta.url);
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const children = [
    spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'] }),
    // The e2e mode keeps a dependency cache per app port, so it never meets `npm start`'s dev server.
    spawn(process.execPath, [vite, '--mode', 'e2e'], { env, stdio: ['ignore', 'ignore', 'pipe'] }),
  ];
  const stop = () => stopAll(children);

  try {
    await waitUntilRunning(origins, children);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origins, started: true, stop };
}

async function findFreePorts(names: readonly OriginName[], firstOffset: number): Promise<Ports> {
  let lastProblem = '';
  for (let attempt = 0; attempt < offsetAttempts; attempt++) {
    const offset = firstOffset + attempt * offsetStep;
    const ports = Object.fromEntries(names.map((name) => [name, originSettings[name].defaultPort + offset])) as Ports;
    try {
      // Chromium may connect to ::1 for localhost, so a server there would take the page's requests.
      for (const name of names) {
        await assertPortFree(name, listenHost, ports[name]);
        await assertPortFree(name, '::1', ports[name]);
      }
      return ports;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
  }
  const lastOffset = firstOffset + (offsetAttempts - 1) * offsetStep;
  throw new Error(
    `No free ports at offsets ${firstOffset} to ${lastOffset}: ${lastProblem} Pass another --port-offset.`,
  );
}

async function waitUntilRunning(origins: OriginMap, children: readonly ChildProcess[]): Promise<void> {
  const errors: string[] = [];
  for (const child of children) child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    const exited = children.find((child) => child.exitCode !== null);
    if (exited !== undefined) {
      throw new Error(
        `A playground server exited with code ${exited.exitCode} while starting: ${errors.join('').trim()}`,
      );
    }
    if (await isRunning(origins)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The playground did not respond at ${origins.app} within ${startTimeoutMs / 1000} s. ${errors.join('').trim()}`,
  );
}

async function stopAll(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Fetches on the loopback address the servers listen on, because Node may resolve localhost to ::1 first. */
async function reachable(url: string): Promise<boolean> {
  const loopback = new URL(url);
  loopback.hostname = listenHost;
  try {
    const response = await fetch(loopback, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}
