import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import type { RequestSpec } from '../scenarios/types.ts';
import type { RunnerFrame } from '../client/frame-runner.ts';
import type { JsOutcome } from '../client/send.ts';
import { runnerPath } from '../scenarios/runner-protocol.ts';
import { expect, test } from './fixtures.ts';

const get: RequestSpec = {
  initiator: 'fetch',
  target: 'api',
  path: '/data',
  method: 'GET',
  headers: {},
  credentials: 'same-origin',
};

/**
 * The client's frame runner, bundled for a script tag. The app under test is a production build, whose
 * modules a test cannot import one by one, so the test bundles the same source itself.
 */
const frameRunnerScript = buildSync({
  entryPoints: [fileURLToPath(new URL('../client/frame-runner.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  globalName: 'corsPlaygroundFrameRunner',
  write: false,
}).outputFiles[0]!.text;

/** Sends `request` to `url` from a runner frame inside the app page, through the client's own module. */
async function sendFromFrame(page: Page, frame: RunnerFrame, url: string): Promise<JsOutcome> {
  await page.addScriptTag({ content: frameRunnerScript });
  return page.evaluate(
    ([frame, url, request]) => {
      const runner = (window as unknown as { corsPlaygroundFrameRunner: typeof import('../client/frame-runner.ts') })
        .corsPlaygroundFrameRunner;
      return runner.runInFrame(frame, url, request);
    },
    [frame, url, get] as const,
  );
}

test.describe('runner frames', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test("a frame on the attacker's site sends the attacker's origin", async ({ page, origins, playground }) => {
    const trace = 'runner-attacker-frame';
    const url = `${origins.api}/scenarios/missing-allow-origin/fixed/data?trace=${trace}`;
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    const outcome = await sendFromFrame(
      page,
      { kind: 'frame', src: `${origins.attacker}${runnerPath}`, origin: origins.attacker },
      url,
    );

    // The fixed variant allows the app only, so the attacker's page cannot read the answer.
    expect(outcome).toEqual({ kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' });
    const { exchanges } = await playground.records(trace);
    expect(exchanges.map((exchange) => exchange.requestHeaders.find(([name]) => name === 'origin')?.[1])).toEqual([
      origins.attacker,
    ]);
    await expect
      .poll(() => consoleErrors.filter((text) => text.includes(`'${url}'`)))
      .toEqual([
        `Access to fetch at '${url}' from origin '${origins.attacker}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
      ]);
  });

  test('a sandboxed frame sends Origin: null', async ({ page, origins, playground }) => {
    const trace = 'runner-sandboxed-frame';
    const url = `${origins.api}/scenarios/missing-allow-origin/fixed/data?trace=${trace}`;

    const outcome = await sendFromFrame(
      page,
      { kind: 'sandboxed-frame', scriptUrl: `${origins.api}/__playground/runner.js` },
      url,
    );

    expect(outcome).toEqual({ kind: 'rejected', name: 'TypeError', message: 'Failed to fetch' });
    const { exchanges } = await playground.records(trace);
    expect(exchanges.map((exchange) => exchange.requestHeaders.find(([name]) => name === 'origin')?.[1])).toEqual([
      'null',
    ]);
  });

  test('a frame reads the answer when the API allows its origin', async ({ page, origins }) => {
    // The runner on the API's own origin makes a same-origin request, which needs no CORS at all.
    const url = `${origins.api}/scenarios/missing-allow-origin/broken/data?trace=runner-same-origin`;

    const outcome = await sendFromFrame(
      page,
      { kind: 'frame', src: `${origins.api}${runnerPath}`, origin: origins.api },
      url,
    );

    expect(outcome).toMatchObject({ kind: 'response', status: 200 });
  });

  test('refuses to be framed by any page but the app', async ({ page, origins }) => {
    await page.goto(`${origins.partner}${runnerPath}`);
    const blocked = page.waitForEvent('console', (message) => message.text().includes('frame-ancestors'));
    await page.setContent(`<iframe src="${origins.attacker}${runnerPath}"></iframe>`);
    expect((await blocked).text()).toContain(
      `Framing '${origins.attacker}/' violates the following Content Security Policy directive: "frame-ancestors ${origins.app}"`,
    );
  });
});
