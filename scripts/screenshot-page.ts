/**
 * Opens a page of a running playground in Chromium for one of the README's screenshots, and reports a
 * failure with the advice to start the playground first.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../e2e/chromium.ts';
import { originsFromPorts, portsFromEnv, type OriginMap } from '../scenarios/origins.ts';

export const origins: OriginMap = originsFromPorts(portsFromEnv(process.env));

/** Runs `take` on a new page of that size, closes the browser, and sets the exit code when `take` fails. */
export async function takeScreenshot(
  viewport: { readonly width: number; readonly height: number },
  take: (page: Page) => Promise<void>,
): Promise<void> {
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({
    args: chromiumArgs(),
    ...(executablePath !== undefined && { executablePath }),
  });
  try {
    await take(await browser.newPage({ viewport, deviceScaleFactor: 1 }));
  } catch (error) {
    console.error(
      `Failed to take the screenshot from ${origins.app}. Is the playground running (npm start)? ${String(error)}`,
    );
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
