/**
 * `npm run demo -- <scenario-id>...` plays scenarios in a browser at a human pace: the broken variant,
 * Send, a pause on the inspector, the fixed variant, Send again. It prints one verdict line per send and
 * exits 1 when any attempt differs from the catalog, so `--headless` doubles as a smoke test.
 */
import { chromium, type Page } from '@playwright/test';

import { chromiumArgs, chromiumExecutable } from '../e2e/chromium.ts';
import { originsFromPorts, portsFromEnv, type Scenario, type VariantName } from '../scenarios/index.ts';
import { demoUsage, missingDisplay, parseDemoArgs, type DemoOptions } from './demo-args.ts';
import { isRunning, startPlayground, type Playground } from './demo-servers.ts';

const attemptTimeoutMs = 30_000;

async function main(): Promise<number> {
  const options = parseDemoArgs(process.argv.slice(2));
  if ('error' in options) {
    console.error(`${options.error}\n\n${demoUsage}`);
    return 2;
  }
  const noDisplay = options.headless ? undefined : missingDisplay(process.env, process.platform);
  if (noDisplay !== undefined) {
    console.error(noDisplay);
    return 2;
  }

  const playground = await findPlayground(options);
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({
    headless: options.headless,
    args: chromiumArgs(),
    ...(executablePath !== undefined && { executablePath }),
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    let failures = 0;
    for (const scenario of options.scenarios) {
      console.log(`${scenario.id}: ${scenario.title}`);
      for (const variant of ['broken', 'fixed'] as const) {
        if (!(await playStep(page, playground, scenario, variant, options.paceMs))) failures++;
      }
    }
    const total = options.scenarios.length * 2;
    console.log(
      failures === 0
        ? `All ${total} attempts behaved as the catalog expects.`
        : `${failures} of ${total} attempts differed from the catalog.`,
    );
    return failures === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await playground.stop();
  }
}

/** Uses the playground at the configured ports when it responds, or starts one on offset ports. */
async function findPlayground(options: DemoOptions): Promise<Playground> {
  const origins = originsFromPorts(portsFromEnv(process.env));
  if (await isRunning(origins)) {
    console.log(`Using the playground running at ${origins.app}.`);
    return { origins, started: false, stop: async () => {} };
  }
  console.log(
    `No playground responds at ${origins.app}; starting one on the default ports plus ${options.portOffset} or more.`,
  );
  const started = await startPlayground(options.portOffset);
  console.log(`Started the playground at ${started.origins.app}.`);
  return started;
}

/** Opens one variant, sends, pauses on the inspector, and prints the verdict. Returns whether it matched the catalog. */
async function playStep(
  page: Page,
  playground: Playground,
  scenario: Scenario,
  variant: VariantName,
  paceMs: number,
): Promise<boolean> {
  const url = `${playground.origins.app}/#/scenarios/${scenario.id}/${variant}`;
  if (variant === 'broken') await page.goto(url);
  // The toggle is what a learner clicks, so the fixed variant is shown by following it.
  else await page.getByRole('link', { name: 'Fixed', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(paceMs);

  const send = page.getByRole('button', { name: 'Send request' });
  await send.scrollIntoViewIfNeeded();
  await send.click();
  const attempt = page.getByTestId('attempt');
  await attempt
    .and(page.locator('[data-state="done"], [data-state="records-failed"]'))
    .waitFor({ timeout: attemptTimeoutMs });

  await page
    .getByRole('heading', { name: 'Step by step' })
    .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  const asExpected = (await page.getByTestId('as-expected').count()) > 0;
  const seen = (await attempt.getAttribute('data-js')) ?? 'unknown';
  const verdict = (await page.locator('cp-attempt-verdict .verdict').first().textContent())?.trim() ?? '';
  console.log(`  ${asExpected ? 'PASS' : 'FAIL'} ${variant}: JavaScript saw it ${seen}. Expected: ${verdict}`);
  await page.waitForTimeout(paceMs * 2);
  return asExpected;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`The demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
